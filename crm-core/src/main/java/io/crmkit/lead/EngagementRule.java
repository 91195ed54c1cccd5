package io.crmkit.lead;

import io.crmkit.shared.InvalidInputException;
import io.crmkit.touchpoint.Channel;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * An engagement rule of a {@link ScoringModel}: each of the lead's touchpoints in one of {@code channels} (and
 * matching {@code filter}, if given) earns {@code points}, halved every {@code halfLife} of its age; the rule's sum
 * is capped at {@code cap} in absolute value.
 *
 * <pre>{@code
 * new EngagementRule("webinar attended", Set.of(Channel.MEETING),
 *         Condition.equalTo("attribute.kind", "webinar"), 20, Duration.ofDays(30), 40)
 * }</pre>
 *
 * @param name     the rule's name, unique within the model, 1–100 characters
 * @param channels the touchpoint channels that count, at least one
 * @param filter   a condition over the touchpoint's facts ({@code channel}, {@code direction}, {@code subject},
 *                 {@code attribute.KEY}), or null for every touchpoint of those channels
 * @param points   the points of one touchpoint of age zero, −1000 to 1000
 * @param halfLife the age at which a touchpoint's points are halved (at least one second), or null for no decay
 * @param cap      the largest absolute value of the rule's sum, 1 to 100000, or null for no cap
 */
public record EngagementRule(String name, Set<Channel> channels, Condition filter, int points, Duration halfLife,
                             Integer cap) {

    /** @throws InvalidInputException naming the part that is missing or out of range */
    public EngagementRule {
        name = LeadTexts.required("name", name, 100);
        if (channels == null || channels.isEmpty()) {
            throw InvalidInputException.of("channels", "must hold at least one channel");
        }
        channels = Collections.unmodifiableSet(EnumSet.copyOf(channels));
        if (points < -1000 || points > 1000) {
            throw InvalidInputException.of("points", "must be between -1000 and 1000");
        }
        if (halfLife != null && (halfLife.compareTo(Duration.ofSeconds(1)) < 0
                || halfLife.compareTo(Duration.ofDays(36_500)) > 0)) {
            throw InvalidInputException.of("halfLife", "must be between one second and 100 years");
        }
        if (cap != null && (cap < 1 || cap > 100_000)) {
            throw InvalidInputException.of("cap", "must be between 1 and 100000");
        }
    }

    /** The half-life, if the rule decays. */
    public Optional<Duration> decay() {
        return Optional.ofNullable(halfLife);
    }
}
