/**
 * The in-memory reference adapter: {@link io.crmkit.inmemory.InMemoryCrmStorage}. Correct, thread-safe and simple;
 * the contract kit is checked on it first. Data lives as long as the object.
 */
package io.crmkit.inmemory;
