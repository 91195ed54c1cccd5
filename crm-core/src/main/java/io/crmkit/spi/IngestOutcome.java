package io.crmkit.spi;

import io.crmkit.touchpoint.Touchpoint;

/**
 * What {@link TouchpointStore#insertAll} did with one element.
 *
 * @param stored    the stored touchpoint: the element itself, or for a duplicate the one stored before with the
 *                  same source
 * @param duplicate whether the element was a duplicate and was not stored
 */
public record IngestOutcome(Touchpoint stored, boolean duplicate) {
}
