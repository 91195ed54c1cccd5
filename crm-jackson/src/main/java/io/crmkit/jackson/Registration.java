package io.crmkit.jackson;

/** A type and its codec, for {@link CrmModule} to register. Internal to this module. */
record Registration<T>(Class<T> type, Codec<T> codec) {
}
