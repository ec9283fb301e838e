package dev.parley.core.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a {@link RasaError} in Rasa's error shape. */
@Provider
public class RasaErrorMapper implements ExceptionMapper<RasaError> {
  @Override
  public Response toResponse(RasaError error) {
    return error.toResponse();
  }
}
