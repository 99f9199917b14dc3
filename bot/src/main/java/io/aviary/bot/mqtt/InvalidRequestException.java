package io.aviary.bot.mqtt;

/** An RPC request whose {@code data} does not fit the command's Request model (pydantic validation in Hummingbot). */
public final class InvalidRequestException extends RuntimeException {

  public InvalidRequestException(String message) {
    super(message, null, false, false);
  }
}
