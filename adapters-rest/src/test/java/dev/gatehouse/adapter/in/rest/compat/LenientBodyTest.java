package dev.gatehouse.adapter.in.rest.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.application.error.ValidationFailedException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dialects' body reader, without a server: DRF's leniency and its exact words. */
class LenientBodyTest {
    private static HttpRequest<?> request(MediaType type) {
        return HttpRequest.POST("/dj-rest-auth/login/", "").contentType(type);
    }

    private static Map<String, List<String>> errorsOf(java.util.function.Consumer<FieldErrors> read) {
        FieldErrors errors = new FieldErrors();
        read.accept(errors);
        return assertThrows(ValidationFailedException.class, errors::throwIfAny).errors();
    }

    @Test
    void aRepeatedFormFieldCountsWithItsLastValueAsDjangosQueryDictGivesIt() {
        Map<String, Object> form = Map.of("email", List.of("first@example.com", "last@example.com"));
        assertEquals("last@example.com", LenientBody.of(form, request(MediaType.APPLICATION_FORM_URLENCODED_TYPE))
                .required(new FieldErrors(), "email"));
        assertEquals("last@example.com", LenientBody.of(form, request(MediaType.MULTIPART_FORM_DATA_TYPE))
                .required(new FieldErrors(), "email"));
    }

    @Test
    void inJsonAListIsNotAString() {
        Map<String, Object> json = Map.of("email", List.of("a@example.com"));
        assertEquals(Map.of("email", List.of(LenientBody.NOT_A_STRING)),
                errorsOf(e -> LenientBody.of(json, request(MediaType.APPLICATION_JSON_TYPE)).required(e, "email")));
    }

    @Test
    void missingNullAndBlankAreDrfsThreeDifferentErrors() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("a", null);
        body.put("b", "  ");
        LenientBody b = LenientBody.of(body, request(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(Map.of("a", List.of(LenientBody.NULL), "b", List.of(LenientBody.BLANK), "c", List.of(LenientBody.REQUIRED)),
                errorsOf(e -> {
                    b.required(e, "a");
                    b.required(e, "b");
                    b.required(e, "c");
                }));
    }

    @Test
    void aNumberIsReadAsItsDecimalTextAsDrfsCharFieldDoes() {
        assertEquals("12", LenientBody.of(Map.of("key", 12), request(MediaType.APPLICATION_JSON_TYPE)).required(new FieldErrors(), "key"));
    }

    @Test
    void passwordsAreNeverTrimmedButMayNotBeEmpty() {
        LenientBody b = LenientBody.of(Map.of("p", " x ", "q", ""), request(MediaType.APPLICATION_JSON_TYPE));
        FieldErrors errors = new FieldErrors();
        assertEquals(" x ", b.password(errors, "p").value());
        assertNull(b.password(errors, "q"));
        assertEquals(Map.of("q", List.of(LenientBody.BLANK)), errors.toException().errors());
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "str", "int", "float", "bool"})
    void jsonThatIsNotAnObjectIsNamedByItsPythonType(String type) {
        Object body = switch (type) {
            case "list" -> List.of(1, 2);
            case "str" -> "text";
            case "int" -> 12;
            case "float" -> 1.5;
            default -> true;
        };
        BodyNotAnObjectException e = assertThrows(BodyNotAnObjectException.class,
                () -> LenientBody.of(body, request(MediaType.APPLICATION_JSON_TYPE)));
        assertEquals(type, e.pythonType());
    }
}
