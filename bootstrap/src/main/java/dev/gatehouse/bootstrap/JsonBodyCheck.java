package dev.gatehouse.bootstrap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * What every JSON body must be before any controller, native or dialect, sees it: strict UTF-8 (no
 * overlong forms, stray continuation bytes or encoded surrogates: a lenient decoder turns them into
 * other characters), no key twice in one object (readers disagree on which one wins), and no string
 * holding a NUL (PostgreSQL refuses it in text) or a lone surrogate (it is no character: encoders
 * replace it with '?', so two different passwords would become the same one).
 * A body that is not JSON at all passes: the framework's reader reports that in its usual words.
 */
final class JsonBodyCheck {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** The first problem found, or null for a clean body. */
    record Problem(String field, String message) {
    }

    private JsonBodyCheck() {
    }

    static Problem check(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new Problem(null, "The request body is not valid UTF-8.");
        }
        Deque<Set<String>> objects = new ArrayDeque<>();
        String field = null;
        try (JsonParser parser = FACTORY.createParser(text)) {
            for (JsonToken token; (token = parser.nextToken()) != null; ) {
                switch (token) {
                    case START_OBJECT -> objects.push(new HashSet<>());
                    case END_OBJECT -> objects.pop();
                    case FIELD_NAME -> {
                        field = parser.currentName();
                        String bad = badText(field);
                        if (bad != null) {
                            return new Problem(null, "A field name " + bad);
                        }
                        if (!objects.peek().add(field)) {
                            return new Problem(safe(field), "This field is sent more than once.");
                        }
                    }
                    case VALUE_STRING -> {
                        String bad = badText(parser.getText());
                        if (bad != null) {
                            return new Problem(safe(parser.currentName()), "This field " + bad);
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
        return null;
    }

    private static String badText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                return "must not contain a NUL character.";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain an unpaired surrogate (it is not a Unicode character).";
            }
        }
        return null;
    }

    /** A field name fit to echo back; anything else is reported against the body as a whole. */
    private static String safe(String name) {
        return name != null && name.matches("[A-Za-z0-9_.-]{1,64}") ? name : null;
    }
}
