package io.crmkit.customer;

import io.crmkit.shared.InvalidInputException;
import java.util.Locale;
import java.util.Optional;

/**
 * A validated, normalised e-mail address.
 *
 * <p><b>Normalisation.</b> Blanks around the address (spaces, tabs, and the other Unicode space separators such as
 * the no-break space and the ideographic space) are trimmed, because forms, keyboards and copy-paste add them; the
 * domain is lower-cased; the local part keeps the case it was given, because that is how the customer wrote it.
 * {@link #matchKey()} is the fully lower-cased form that crmkit uses to find a customer by e-mail, so that
 * {@code Sarah@Example.com} and {@code sarah@example.com} find the same customer.
 *
 * <p><b>Policy.</b> crmkit accepts the addresses that can be typed into a form and used to send mail on the
 * internet today, and refuses the exotic rest of RFC 5322:
 * <ul>
 *   <li>accepted: a dot-atom local part (letters, digits and {@code !#$%&'*+/=?^_`{|}~-}, dots between them) of at
 *       most 64 characters, {@code @}, and a host name of at least two labels (each 1–63 letters, digits and
 *       hyphens, not starting or ending with a hyphen), whose last label is not all digits; at most 253 characters
 *       of domain and 254 in all. Letters, digits and combining marks outside ASCII (RFC 6531 internationalised
 *       addresses such as {@code डाटामेल@डाटामेल.भारत}) are accepted.</li>
 *   <li>refused: quoted local parts ({@code "john doe"@example.com}), address literals ({@code user@[192.0.2.1]}),
 *       comments, folding white space and any white space inside the address, the obsolete syntax of RFC 822, and
 *       domains without a dot ({@code user@localhost}) or with a numeric top-level label. Each is valid in some RFC
 *       and each is a typo, an attack or a test far more often than a real customer's address.</li>
 *   <li>refused anywhere, even at either end: line breaks (CR, LF), other control characters and invisible
 *       formatting characters (zero-width space, byte order mark, bidirectional overrides). Unlike blanks they are
 *       not trimmed: in an address field they are a header-injection attempt or broken input, not a typing
 *       habit.</li>
 * </ul>
 * Lengths are counted in UTF-16 characters ({@link String#length()}), after trimming. crmkit does no DNS look-up.
 *
 * <p>In terms of the <a href="https://github.com/dominicsayers/isemail">is_email</a> test corpus
 * ({@code tests.xml} 3.05 and {@code tests-original.xml} 3.04), checked by {@code EmailAddressCorpusTest}:
 * <ul>
 *   <li>VALID: accepted, except {@code tests.xml} #5 {@code test@io}, which the corpus calls valid only because its
 *       harness looked up DNS and {@code io.} had an MX record in 2011; it is a dotless domain, refused below.</li>
 *   <li>DNSWARN: accepted (the warning is about DNS, which crmkit does not look up).</li>
 *   <li>RFC5321: refused. Its diagnoses are exactly the forms refused above: TLD (dotless domain), TLDNUMERIC,
 *       QUOTEDSTRING, ADDRESSLITERAL and IPV6DEPRECATED (an address literal, whichever category a corpus file gives
 *       it).</li>
 *   <li>CFWS: refused, except CFWS_FWS addresses whose only white space is blanks before or after the address
 *       ({@code " test@iana.org"}), which are trimmed and accepted. Folding white space with a line break, and every
 *       comment, are refused.</li>
 *   <li>DEPREC, RFC5322 and ERR: refused.</li>
 * </ul>
 *
 * @param value the normalised address
 */
public record EmailAddress(String value) {

    /** Longest address accepted (RFC 5321 path limit minus the angle brackets). */
    public static final int MAX_LENGTH = 254;

    /** Longest local part accepted (RFC 5321 section 4.5.3.1.1). */
    public static final int MAX_LOCAL_PART_LENGTH = 64;

    /** Longest domain accepted (RFC 1035 host name limit, without the trailing dot). */
    public static final int MAX_DOMAIN_LENGTH = 253;

    private static final String ATEXT_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

    /**
     * @throws InvalidInputException (path {@code email}) if {@code value} is not an address crmkit accepts
     */
    public EmailAddress {
        String problem = problemWith(value);
        if (problem != null) {
            throw InvalidInputException.of("email", problem);
        }
        value = normalise(trimBlanks(value));
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

    /** {@code raw} without the blanks (tabs and Unicode space separators) at either end. */
    private static String trimBlanks(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && isBlank(raw.codePointAt(start))) {
            start += Character.charCount(raw.codePointAt(start));
        }
        while (end > start && isBlank(raw.codePointBefore(end))) {
            end -= Character.charCount(raw.codePointBefore(end));
        }
        return raw.substring(start, end);
    }

    private static boolean isBlank(int cp) {
        return cp == '\t' || Character.getType(cp) == Character.SPACE_SEPARATOR;
    }

    /** Control characters, invisible formatting characters, line or paragraph separators and lone surrogates. */
    private static boolean isControlOrInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }

    private static String problemWith(String raw) {
        if (raw == null) {
            return "must not be null";
        }
        String address = trimBlanks(raw);
        if (address.isEmpty()) {
            return "must not be blank";
        }
        for (int i = 0; i < address.length(); ) {
            int cp = address.codePointAt(i);
            if (isControlOrInvisible(cp)) {
                return "must not contain line breaks, control or invisible characters (" + codePoint(cp) + ")";
            }
            i += Character.charCount(cp);
        }
        if (address.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        int at = address.indexOf('@');
        if (at < 0) {
            return "must contain an @";
        }
        if (at != address.lastIndexOf('@')) {
            return address.indexOf('"') >= 0
                    ? "must contain exactly one @ (quoted local parts are not accepted)"
                    : "must contain exactly one @";
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
        for (int i = 0; i < local.length(); ) {
            int cp = local.codePointAt(i);
            if (!isAtext(cp) && cp != '.') {
                return "local part must not contain " + describe(cp);
            }
            i += Character.charCount(cp);
        }
        if (local.charAt(0) == '.' || local.charAt(local.length() - 1) == '.' || local.contains("..")) {
            return "local part must not start or end with a dot or contain two dots in a row";
        }
        if (local.length() > MAX_LOCAL_PART_LENGTH) {
            return "local part must be at most " + MAX_LOCAL_PART_LENGTH + " characters";
        }
        return null;
    }

    private static String domainProblem(String domain) {
        if (domain.isEmpty()) {
            return "must have a domain after the @";
        }
        if (domain.startsWith("[")) {
            return "domain must be a host name; address literals such as [192.0.2.1] are not accepted";
        }
        for (int i = 0; i < domain.length(); ) {
            int cp = domain.codePointAt(i);
            if (!(isWordCharacter(cp) || cp == '-' || cp == '.')) {
                return "domain must not contain " + describe(cp);
            }
            i += Character.charCount(cp);
        }
        if (domain.length() > MAX_DOMAIN_LENGTH) {
            return "domain must be at most " + MAX_DOMAIN_LENGTH + " characters";
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
        }
        if (labels[labels.length - 1].codePoints().allMatch(Character::isDigit)) {
            return "the top-level label of the domain must not be all digits";
        }
        return null;
    }

    private static boolean isAtext(int cp) {
        return isWordCharacter(cp) || (cp < 128 && ATEXT_SPECIALS.indexOf(cp) >= 0);
    }

    /** ASCII letters and digits; outside ASCII, letters, digits and combining marks (RFC 6531, IDNA 2008). */
    private static boolean isWordCharacter(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static String describe(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return "white space (" + codePoint(cp) + ")";
        }
        String shown = "'" + new String(Character.toChars(cp)) + "'";
        switch (cp) {
            case '"':
                return shown + " (quoted strings are not accepted)";
            case '(':
            case ')':
                return shown + " (comments are not accepted)";
            case '[':
            case ']':
                return shown + " (address literals are not accepted)";
            case '\\':
                return shown + " (quoted pairs are not accepted)";
            default:
                return shown;
        }
    }

    private static String codePoint(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }
}
