package dev.gatehouse.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AssuranceTest {
    @Test
    void theStoredFormReadsBackToTheSameAssurance() {
        Assurance mfa = Assurance.of(Assurance.Level.AAL2, Assurance.Method.PWD, Assurance.Method.OTP);
        assertEquals("pwd,otp", mfa.amrText());
        assertEquals(List.of("pwd", "otp"), mfa.amr());
        assertEquals("aal2", mfa.level().code());
        assertEquals(mfa, Assurance.parse(mfa.amrText(), mfa.level().code()));
        assertEquals(Assurance.PASSWORD, Assurance.parse("pwd", "aal1"));
    }

    @Test
    void onlyKnownLowerCaseCodesAreRead() {
        assertThrows(IllegalArgumentException.class, () -> Assurance.parse("PWD", "aal1"));
        assertThrows(IllegalArgumentException.class, () -> Assurance.parse("pwd", "aal3"));
        assertThrows(IllegalArgumentException.class, () -> Assurance.parse("pwd,sms", "aal1"));
        assertThrows(IllegalArgumentException.class, () -> Assurance.of(Assurance.Level.AAL1));
    }
}
