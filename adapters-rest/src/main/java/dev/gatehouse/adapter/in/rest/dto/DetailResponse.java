package dev.gatehouse.adapter.in.rest.dto;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record DetailResponse(String detail) {
}
