package io.careline.common.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Rules for text that comes from outside: it must be valid Unicode (no unpaired UTF-16 surrogate, which
 * MySQL would store as '?'), and identifiers must also be exactly what they look like, since they are
 * compared byte for byte (docs/architecture.md, "Identities").
 */
public final class Text {
    private Text() {
    }

    /** False when the string holds an unpaired surrogate: it is not a sequence of Unicode characters. */
    public static boolean isValidUnicode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Why the value is not an identifier of at most {@code maxLength} characters, or null when it is one:
     * non-empty valid Unicode, no control characters, no white space at either end (the database ignores
     * trailing spaces when it compares, so "a" and "a " must not both be identifiers).
     */
    public static String identifierProblem(String value, int maxLength) {
        if (value.isEmpty()) {
            return "must not be empty";
        }
        if (!isValidUnicode(value)) {
            return "must be valid Unicode";
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            return "must be at most " + maxLength + " characters";
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            return "must not contain control characters";
        }
        if (Character.isWhitespace(value.codePointAt(0)) || Character.isSpaceChar(value.codePointAt(0))
                || Character.isWhitespace(value.codePointBefore(value.length()))
                || Character.isSpaceChar(value.codePointBefore(value.length()))) {
            return "must not start or end with white space";
        }
        return null;
    }

    /** Why the value is not display text of at most {@code maxLength} characters, or null when it is. */
    public static String displayTextProblem(String value, int maxLength) {
        if (!isValidUnicode(value)) {
            return "must be valid Unicode";
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            return "must be at most " + maxLength + " characters";
        }
        return null;
    }

    /** The path of the first string (value or field name) in the tree that is not valid Unicode, or null. */
    public static String invalidUnicodeAt(JsonNode node, String path) {
        if (node.isTextual()) {
            return isValidUnicode(node.textValue()) ? null : path;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String invalid = invalidUnicodeAt(node.get(i), path + "[" + i + "]");
                if (invalid != null) {
                    return invalid;
                }
            }
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path + "." + field.getKey();
                String invalid = isValidUnicode(field.getKey()) ? invalidUnicodeAt(field.getValue(), at) : path;
                if (invalid != null) {
                    return invalid;
                }
            }
        }
        return null;
    }
}
