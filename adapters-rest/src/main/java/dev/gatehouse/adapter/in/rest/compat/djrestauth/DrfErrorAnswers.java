package dev.gatehouse.adapter.in.rest.compat.djrestauth;

import dev.gatehouse.adapter.in.rest.compat.BodyNotAnObjectException;
import dev.gatehouse.application.error.GatehouseException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Error;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;

/**
 * How every dj-rest-auth view answers a refusal: business failures, DRF's own refusals and a body that is not
 * an object, in Django REST framework's shapes. Local to the controllers that implement it (the native API keeps
 * problem+json), written once for all of them.
 */
interface DrfErrorAnswers {
    /** Business failures and the dialect's own refusals, as DRF answers them. */
    @Hidden
    @Error(exception = GatehouseException.class)
    default HttpResponse<Map<String, Object>> failed(HttpRequest<?> request, GatehouseException exception) {
        return DrfErrors.of(exception);
    }

    /** DRF's serializer given JSON that is not an object. */
    @Hidden
    @Error(exception = BodyNotAnObjectException.class)
    default HttpResponse<Map<String, Object>> notAnObject(HttpRequest<?> request, BodyNotAnObjectException e) {
        return DrfErrors.nonField("Invalid data. Expected a dictionary, but got " + e.pythonType() + ".");
    }

    @Hidden
    @Error(exception = DrfError.class)
    default HttpResponse<Map<String, Object>> refused(HttpRequest<?> request, DrfError error) {
        return error.response();
    }
}
