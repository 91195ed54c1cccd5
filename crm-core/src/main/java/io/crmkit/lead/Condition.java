package io.crmkit.lead;

import io.crmkit.customer.Customer;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.touchpoint.Touchpoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A condition over the facts of a lead (or of a touchpoint): the closed set of predicates that scoring models,
 * marketing-qualification rules and rule-based assignment are made of. Conditions are data (immutable records),
 * so that a tenant's rules can be stored, shown and compared; hosts write none of their own.
 *
 * <p><b>Keys.</b> A condition reads text facts by key. For a lead ({@link Facts#of(Lead, Customer)}):
 * {@code givenName}, {@code familyName}, {@code jobTitle}, {@code company}, {@code companyDomain}, {@code country},
 * {@code email}, {@code emailDomain}, {@code phone}, {@code source} (the first touch's channel, e.g.
 * {@code WEB_FORM}), {@code campaign}, {@code medium}, {@code term}, {@code content}, {@code referrerUrl},
 * {@code landingPage} (all of the first touch), {@code status}, {@code owner}, and {@code attribute.KEY}: the lead's
 * free attribute KEY, else the related customer's custom attribute KEY. For a touchpoint
 * ({@link Facts#of(Touchpoint)}): {@code channel}, {@code direction}, {@code subject} and {@code attribute.KEY}.
 * A typed attribute is compared by its text form ({@link AttributeValue#asText()}). A fact that is absent makes
 * every comparison false (and {@link Exists} false).
 *
 * <p><b>Comparison.</b> Text comparisons ignore case (lower-cased in {@link Locale#ROOT}) and surrounding white
 * space.
 */
public sealed interface Condition {

    /**
     * Evaluates this condition.
     *
     * @return whether it holds, and the facts that made it hold (for explanations)
     */
    Match test(Facts facts);

    /** A short description of the condition, e.g. {@code jobTitle contains "director"}. */
    String describe();

    /** {@code key} equals {@code value}. */
    static Condition equalTo(String key, String value) {
        return new Equals(key, value);
    }

    /** {@code key} contains {@code text}. */
    static Condition contains(String key, String text) {
        return new Contains(key, text);
    }

    /** {@code key} is one of {@code values}. */
    static Condition in(String key, Set<String> values) {
        return new InSet(key, values);
    }

    /** {@code key} is present. */
    static Condition exists(String key) {
        return new Exists(key);
    }

    /** The e-mail domain is one of {@code domains}. */
    static Condition emailDomainIn(Set<String> domains) {
        return new EmailDomainIn(domains);
    }

    /** The lead came through {@code channel}. */
    static Condition sourceIs(LeadChannel channel) {
        return new SourceIs(channel);
    }

    /** All of {@code conditions}. */
    static Condition and(Condition... conditions) {
        return new And(List.of(conditions));
    }

    /** Any of {@code conditions}. */
    static Condition or(Condition... conditions) {
        return new Or(List.of(conditions));
    }

    /** Not {@code condition}. */
    static Condition not(Condition condition) {
        return new Not(condition);
    }

    /**
     * The outcome of a test.
     *
     * @param holds whether the condition holds
     * @param facts the facts that made it hold (empty when it does not)
     */
    record Match(boolean holds, List<String> facts) {
        /** Copies the list. */
        public Match {
            facts = List.copyOf(facts);
        }

        static final Match NO = new Match(false, List.of());

        static Match yes(String fact) {
            return new Match(true, List.of(fact));
        }
    }

    /** The text facts a condition reads, by key. */
    @FunctionalInterface
    interface Facts {

        /** The fact called {@code key}, if present. */
        Optional<String> value(String key);

        /** The facts of {@code lead} and, for {@code attribute.KEY}, of its related {@code customer} (or null). */
        static Facts of(Lead lead, Customer customer) {
            return key -> Optional.ofNullable(leadFact(lead, customer, key));
        }

        /** The facts of {@code touchpoint}. */
        static Facts of(Touchpoint touchpoint) {
            return key -> {
                switch (key) {
                    case "channel":
                        return Optional.of(touchpoint.channel().name());
                    case "direction":
                        return Optional.of(touchpoint.direction().name());
                    case "subject":
                        return Optional.ofNullable(touchpoint.subject());
                    default:
                        return attribute(touchpoint.attributes(), key);
                }
            };
        }

        private static String leadFact(Lead lead, Customer customer, String key) {
            LeadSource source = lead.firstTouch().source();
            switch (key) {
                case "givenName":
                    return lead.givenName();
                case "familyName":
                    return lead.familyName();
                case "jobTitle":
                    return lead.jobTitle();
                case "company":
                    return lead.company();
                case "companyDomain":
                    return lead.companyDomain();
                case "country":
                    return lead.countryCode();
                case "email":
                    return lead.email() == null ? null : lead.email().value();
                case "emailDomain":
                    return lead.email() == null ? null : lead.email().domain();
                case "phone":
                    return lead.phone() == null ? null : lead.phone().e164();
                case "source":
                    return source.channel().name();
                case "campaign":
                    return source.campaign();
                case "medium":
                    return source.medium();
                case "term":
                    return source.term();
                case "content":
                    return source.content();
                case "referrerUrl":
                    return source.referrerUrl();
                case "landingPage":
                    return source.landingPage();
                case "status":
                    return lead.status().name();
                case "owner":
                    return lead.owner() == null ? null : lead.owner().value();
                default:
                    String own = attribute(lead.attributes(), key).orElse(null);
                    if (own != null || customer == null) {
                        return own;
                    }
                    return attribute(customer.attributes(), key).orElse(null);
            }
        }

        private static Optional<String> attribute(Map<String, AttributeValue> attributes, String key) {
            if (!key.startsWith("attribute.")) {
                return Optional.empty();
            }
            AttributeValue value = attributes.get(key.substring("attribute.".length()));
            return value == null ? Optional.empty() : Optional.of(value.asText());
        }
    }

    /**
     * {@code key} equals {@code value}, ignoring case.
     *
     * @param key   the fact
     * @param value the text it must equal
     */
    record Equals(String key, String value) implements Condition {
        /** @throws InvalidInputException if the key or value is blank or too long */
        public Equals {
            key = Conditions.key(key);
            value = Conditions.text("value", value);
        }

        @Override
        public Match test(Facts facts) {
            return facts.value(key).filter(v -> Conditions.fold(v).equals(Conditions.fold(value)))
                    .map(v -> Match.yes(key + " \"" + v.strip() + "\" equals \"" + value + "\"")).orElse(Match.NO);
        }

        @Override
        public String describe() {
            return key + " equals \"" + value + "\"";
        }
    }

    /**
     * {@code key} contains {@code text}, ignoring case.
     *
     * @param key  the fact
     * @param text the text it must contain
     */
    record Contains(String key, String text) implements Condition {
        /** @throws InvalidInputException if the key or text is blank or too long */
        public Contains {
            key = Conditions.key(key);
            text = Conditions.text("text", text);
        }

        @Override
        public Match test(Facts facts) {
            return facts.value(key).filter(v -> Conditions.fold(v).contains(Conditions.fold(text)))
                    .map(v -> Match.yes(key + " \"" + v.strip() + "\" contains \"" + text + "\"")).orElse(Match.NO);
        }

        @Override
        public String describe() {
            return key + " contains \"" + text + "\"";
        }
    }

    /**
     * {@code key} is one of {@code values}, ignoring case.
     *
     * @param key    the fact
     * @param values the texts it may equal, at least one, sorted
     */
    record InSet(String key, Set<String> values) implements Condition {
        /** @throws InvalidInputException if the key is blank or the set is empty or has a blank value */
        public InSet {
            key = Conditions.key(key);
            values = Conditions.set("values", values);
        }

        @Override
        public Match test(Facts facts) {
            return facts.value(key).filter(v -> values.stream().anyMatch(s -> Conditions.fold(s).equals(Conditions.fold(v))))
                    .map(v -> Match.yes(key + " \"" + v.strip() + "\" is in " + values)).orElse(Match.NO);
        }

        @Override
        public String describe() {
            return key + " in " + values;
        }
    }

    /**
     * {@code key} is present.
     *
     * @param key the fact
     */
    record Exists(String key) implements Condition {
        /** @throws InvalidInputException if the key is blank or too long */
        public Exists {
            key = Conditions.key(key);
        }

        @Override
        public Match test(Facts facts) {
            return facts.value(key).map(v -> Match.yes(key + " is \"" + v.strip() + "\"")).orElse(Match.NO);
        }

        @Override
        public String describe() {
            return key + " exists";
        }
    }

    /**
     * The lead's e-mail domain is one of {@code domains} (e.g. free-mail providers).
     *
     * @param domains the domains, at least one, sorted
     */
    record EmailDomainIn(Set<String> domains) implements Condition {
        /** @throws InvalidInputException if the set is empty or has a blank domain */
        public EmailDomainIn {
            domains = Conditions.set("domains", domains);
        }

        @Override
        public Match test(Facts facts) {
            return new InSet("emailDomain", domains).test(facts);
        }

        @Override
        public String describe() {
            return "emailDomain in " + domains;
        }
    }

    /**
     * The lead came through {@code channel} (its first touch).
     *
     * @param channel the channel
     */
    record SourceIs(LeadChannel channel) implements Condition {
        /** @throws InvalidInputException if the channel is null */
        public SourceIs {
            LeadTexts.require("channel", channel);
        }

        @Override
        public Match test(Facts facts) {
            return new Equals("source", channel.name()).test(facts);
        }

        @Override
        public String describe() {
            return "source is " + channel;
        }
    }

    /**
     * All of {@code conditions} hold.
     *
     * @param conditions at least one
     */
    record And(List<Condition> conditions) implements Condition {
        /** @throws InvalidInputException if the list is empty or holds null */
        public And {
            conditions = Conditions.list(conditions);
        }

        @Override
        public Match test(Facts facts) {
            List<String> all = new ArrayList<>();
            for (Condition condition : conditions) {
                Match match = condition.test(facts);
                if (!match.holds()) {
                    return Match.NO;
                }
                all.addAll(match.facts());
            }
            return new Match(true, all);
        }

        @Override
        public String describe() {
            return conditions.stream().map(Condition::describe).collect(Collectors.joining(" and ", "(", ")"));
        }
    }

    /**
     * Any of {@code conditions} holds.
     *
     * @param conditions at least one
     */
    record Or(List<Condition> conditions) implements Condition {
        /** @throws InvalidInputException if the list is empty or holds null */
        public Or {
            conditions = Conditions.list(conditions);
        }

        @Override
        public Match test(Facts facts) {
            List<String> any = new ArrayList<>();
            boolean holds = false;
            for (Condition condition : conditions) {
                Match match = condition.test(facts);
                if (match.holds()) {
                    holds = true;
                    any.addAll(match.facts());
                }
            }
            return holds ? new Match(true, any) : Match.NO;
        }

        @Override
        public String describe() {
            return conditions.stream().map(Condition::describe).collect(Collectors.joining(" or ", "(", ")"));
        }
    }

    /**
     * {@code condition} does not hold.
     *
     * @param condition the negated condition
     */
    record Not(Condition condition) implements Condition {
        /** @throws InvalidInputException if the condition is null */
        public Not {
            LeadTexts.require("condition", condition);
        }

        @Override
        public Match test(Facts facts) {
            return condition.test(facts).holds() ? Match.NO : Match.yes("not " + condition.describe());
        }

        @Override
        public String describe() {
            return "not " + condition.describe();
        }
    }
}

/** Normalisation shared by the condition records. */
final class Conditions {

    private Conditions() {
    }

    static String fold(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    static String key(String key) {
        return LeadTexts.required("key", key, 100);
    }

    static String text(String path, String text) {
        return LeadTexts.required(path, text, 500);
    }

    static Set<String> set(String path, Set<String> values) {
        if (values == null || values.isEmpty()) {
            throw InvalidInputException.of(path, "must hold at least one value");
        }
        TreeSet<String> copy = new TreeSet<>();
        for (String value : values) {
            copy.add(text(path, value));
        }
        return Collections.unmodifiableSortedSet(copy);
    }

    static List<Condition> list(List<Condition> conditions) {
        if (conditions == null || conditions.isEmpty()) {
            throw InvalidInputException.of("conditions", "must hold at least one condition");
        }
        for (Condition condition : conditions) {
            if (condition == null) {
                throw InvalidInputException.of("conditions", "must not hold null");
            }
        }
        return List.copyOf(conditions);
    }
}
