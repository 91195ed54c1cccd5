package io.crmkit.customer;

import io.crmkit.shared.InvalidInputException;
import java.util.Locale;
import java.util.Optional;

/**
 * A validated, normalised e-mail address.
 *
 * <p><b>Normalisation.</b> Surrounding white space is trimmed and the domain is lower-cased; the local part keeps
 * the case it was given, because that is how the customer wrote it. {@link #matchKey()} is the fully lower-cased
 * form that crmkit uses to find a customer by e-mail, so that {@code Sarah@Example.com} and
 * {@code sarah@example.com} find the same customer.
 *
 * <p><b>Policy.</b> crmkit accepts the addresses that can be typed into a form and used to send mail on the
 * internet today, and refuses the exotic rest of RFC 5322:
 * <ul>
 *   <li>accepted: a dot-atom local part (letters, digits and {@code !#$%&'*+/=?^_`{|}~-}, dots between them) of at
 *       most 64 characters, {@code @}, and a host name of at least two labels (each 1–63 letters, digits and
 *       hyphens, not starting or ending with a hyphen), whose last label is not all digits; at most 254 characters
 *       in all. Letters and digits outside ASCII (RFC 6531 internationalised addresses) are accepted.</li>
 *   <li>refused: quoted local parts ({@code "john doe"@example.com}), address literals ({@code user@[192.0.2.1]}),
 *       comments and folding white space, the obsolete syntax of RFC 822, and domains without a dot
 *       ({@code user@localhost}) or with a numeric top-level label. Each is valid in some RFC and each is a
 *       typo, an attack or a test far more often than a real customer's address.</li>
 * </ul>
 * In terms of the <a href="https://github.com/dominicsayers/isemail">is_email</a> test corpus: every VALID and
 * DNSWARN address is accepted; every ERR, CFWS, DEPREC and RFC5322 address is refused; of the RFC5321 category,
 * only the forms listed above as refused are refused.
 *
 * @param value the normalised address
 */
public record EmailAddress(String value) {

    /** Longest address accepted (RFC 5321 path limit minus the angle brackets). */
    public static final int MAX_LENGTH = 254;

    private static final String ATEXT_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

    /**
     * @throws InvalidInputException (path {@code email}) if {@code value} is not an address crmkit accepts
     */
    public EmailAddress {
        String problem = problemWith(value);
        if (problem != null) {
            throw InvalidInputException.of("email", problem);
        }
        value = normalise(value.strip());
    }

    /**
     * Parses and normalises {@code raw}.
     *
     * @throws InvalidInputException (path {@code email}) saying what is wrong, if crmkit does not accept it
     */
    public static EmailAddress parse(String raw) {
        return new EmailAddress(raw);
    }

    /** Why {@code raw} is not accepted, or empty if it is. */
    public static Optional<String> check(String raw) {
        return Optional.ofNullable(problemWith(raw));
    }

    /** Whether {@code raw} is accepted. */
    public static boolean isValid(String raw) {
        return problemWith(raw) == null;
    }

    /** The fully lower-cased form used to match addresses. */
    public String matchKey() {
        return value.toLowerCase(Locale.ROOT);
    }

    /** The local part, before the {@code @}. */
    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    /** The domain, after the {@code @}, lower-cased. */
    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String normalise(String trimmed) {
        int at = trimmed.lastIndexOf('@');
        return trimmed.substring(0, at) + "@" + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static String problemWith(String raw) {
        if (raw == null) {
            return "must not be null";
        }
        String address = raw.strip();
        if (address.isEmpty()) {
            return "must not be blank";
        }
        if (address.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        int at = address.indexOf('@');
        if (at < 0) {
            return "must contain an @";
        }
        if (at != address.lastIndexOf('@')) {
            return "must contain exactly one @ (quoted local parts are not accepted)";
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        String localProblem = localPartProblem(local);
        if (localProblem != null) {
            return localProblem;
        }
        return domainProblem(domain);
    }

    private static String localPartProblem(String local) {
        if (local.isEmpty()) {
            return "must have a local part before the @";
        }
        if (local.length() > 64) {
            return "local part must be at most 64 characters";
        }
        if (local.charAt(0) == '.' || local.charAt(local.length() - 1) == '.' || local.contains("..")) {
            return "local part must not start or end with a dot or contain two dots in a row";
        }
        for (int i = 0; i < local.length(); ) {
            int cp = local.codePointAt(i);
            if (!isAtext(cp) && cp != '.') {
                return "local part must not contain " + describe(cp)
                        + " (quoted strings and comments are not accepted)";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    private static String domainProblem(String domain) {
        if (domain.isEmpty()) {
            return "must have a domain after the @";
        }
        if (domain.startsWith("[")) {
            return "domain must be a host name; address literals are not accepted";
        }
        if (domain.length() > 253) {
            return "domain must be at most 253 characters";
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return "domain must have at least two labels, such as example.com";
        }
        for (String label : labels) {
            if (label.isEmpty()) {
                return "domain must not start or end with a dot or contain two dots in a row";
            }
            if (label.length() > 63) {
                return "each label of the domain must be at most 63 characters";
            }
            if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
                return "a label of the domain must not start or end with a hyphen";
            }
            for (int i = 0; i < label.length(); ) {
                int cp = label.codePointAt(i);
                if (!(isLetterOrDigit(cp) || cp == '-')) {
                    return "domain must not contain " + describe(cp);
                }
                i += Character.charCount(cp);
            }
        }
        if (labels[labels.length - 1].chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "the top-level label of the domain must not be all digits";
        }
        return null;
    }

    private static boolean isAtext(int cp) {
        return isLetterOrDigit(cp) || (cp < 128 && ATEXT_SPECIALS.indexOf(cp) >= 0);
    }

    private static boolean isLetterOrDigit(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        return Character.isLetterOrDigit(cp);
    }

    private static String describe(int cp) {
        if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
            return String.format("white space or control characters (U+%04X)", cp);
        }
        return "'" + new String(Character.toChars(cp)) + "'";
    }
}
