package dev.gatehouse.domain.session;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a session was opened: the authentication methods used (RFC 8176 {@code amr} values) and the
 * assurance level they add up to (NIST 800-63B {@code aal}). A session keeps the assurance it was
 * opened with for its whole life, so a refreshed access token says what the first one said.
 */
public record Assurance(List<Method> methods, Level level) {
    /** RFC 8176 values (and "fed", as Microsoft Entra and others write it, for a sign-in federated to another provider). */
    public enum Method {
        PWD, OTP, HWK, SWK, MFA, FED;

        /** The claim value: the name in lower case. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Method ofCode(String code) {
            return byCode(Method.class, code);
        }
    }

    public enum Level {
        AAL1, AAL2;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Level ofCode(String code) {
            return byCode(Level.class, code);
        }
    }

    private static <E extends Enum<E>> E byCode(Class<E> type, String code) {
        // Only the exact lower-case form: "PWD" or "Pwd" are not what any token or row holds.
        if (code != null && code.equals(code.toLowerCase(Locale.ROOT))) {
            for (E value : type.getEnumConstants()) {
                if (value.name().toLowerCase(Locale.ROOT).equals(code)) {
                    return value;
                }
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " " + code);
    }

    /** A password alone. */
    public static final Assurance PASSWORD = new Assurance(List.of(Method.PWD), Level.AAL1);

    public Assurance {
        methods = List.copyOf(Objects.requireNonNull(methods, "methods"));
        Objects.requireNonNull(level, "level");
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("a sign-in uses at least one method");
        }
    }

    public static Assurance of(Level level, Method... methods) {
        return new Assurance(List.of(methods), level);
    }

    public List<String> amr() {
        return methods.stream().map(Method::code).toList();
    }

    /** The form stored beside the session: "pwd,otp". */
    public String amrText() {
        return String.join(",", amr());
    }

    public static Assurance parse(String amrText, String level) {
        return new Assurance(java.util.Arrays.stream(amrText.split(",")).map(Method::ofCode).toList(), Level.ofCode(level));
    }
}
