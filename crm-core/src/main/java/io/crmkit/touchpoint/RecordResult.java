package io.crmkit.touchpoint;

/**
 * The outcome of recording one touchpoint.
 *
 * @param touchpoint the stored touchpoint: the new one, or for a duplicate the one stored earlier with the same
 *                   source and external id
 * @param duplicate  whether the delivery was a duplicate and nothing new was stored
 */
public record RecordResult(Touchpoint touchpoint, boolean duplicate) {
}
