package io.crmkit.internal;

import jakarta.validation.MessageInterpolator;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves constraint messages without the Jakarta Expression Language, so that hosts need no EL implementation
 * on their class path. Message keys ({@code {jakarta.validation.constraints.Size.message}}) come from crmkit's own
 * English bundle; attribute placeholders ({@code {max}}) are replaced by the constraint's attributes; EL
 * expressions ({@code ${...}}), which crmkit's messages never use, are removed rather than evaluated.
 */
final class PlainMessageInterpolator implements MessageInterpolator {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.]+)}");
    private static final Pattern EL = Pattern.compile("\\$\\{[^}]*}");
    private static final ResourceBundle MESSAGES =
            ResourceBundle.getBundle("io.crmkit.internal.ValidationMessages", Locale.ROOT);

    @Override
    public String interpolate(String template, Context context) {
        return interpolate(template, context, Locale.ROOT);
    }

    @Override
    public String interpolate(String template, Context context, Locale locale) {
        Map<String, Object> attributes = context.getConstraintDescriptor().getAttributes();
        String message = replace(template, key -> {
            try {
                return MESSAGES.getString(key);
            } catch (MissingResourceException e) {
                return null;
            }
        });
        message = replace(message, key -> {
            Object value = attributes.get(key);
            return value == null ? null : String.valueOf(value);
        });
        return EL.matcher(message).replaceAll("").trim();
    }

    private static String replace(String text, java.util.function.Function<String, String> lookup) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = lookup.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement != null ? replacement : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
