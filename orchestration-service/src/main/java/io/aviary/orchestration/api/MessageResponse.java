package io.aviary.orchestration.api;

/** The {@code {"message": ...}} body of the compatible contract's successful writes. */
public record MessageResponse(String message) {
}
