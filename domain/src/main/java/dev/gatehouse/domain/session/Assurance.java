package dev.gatehouse.domain.session;

import java.util.List;
import java.util.Objects;

/**
 * How a session was opened: the authentication methods used (RFC 8176 {@code amr} values) and the
 * assurance level they add up to (NIST 800-63B {@code aal}). A session keeps the assurance it was
 * opened with for its whole life, so a refreshed access token says what the first one said.
 */
public record Assurance(List<Method> methods, Level level) {
    /** RFC 8176 values (and "fed", as Microsoft Entra and others write it, for a sign-in federated to another provider). */
    public enum Method {
        PWD("pwd"), OTP("otp"), HWK("hwk"), SWK("swk"), MFA("mfa"), FED("fed");

        private final String code;

        Method(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Method ofCode(String code) {
            for (Method m : values()) {
                if (m.code.equals(code)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown authentication method " + code);
        }
    }

    public enum Level {
        AAL1("aal1"), AAL2("aal2");

        private final String code;

        Level(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Level ofCode(String code) {
            for (Level l : values()) {
                if (l.code.equals(code)) {
                    return l;
                }
            }
            throw new IllegalArgumentException("unknown assurance level " + code);
        }
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
