package dev.parley.core.rest;

import dev.parley.core.json.Json;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Rasa's paths and Rasa's {@code ?token=}: a request at Rasa's own paths is forwarded to the bound
 * bot's API ({@link RasaBotBinding}), and {@code ?token=<key>} counts as {@code Authorization:
 * Bearer <key>} there and on every bot's API, so that Rasa clients keep their URLs.
 */
@WebFilter(
    urlPatterns = {"/webhooks/*", "/model/*", "/conversations/*", "/domain", "/api/tenants/*"})
public class RasaPathsFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject private transient RasaBotBinding binding;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<String> token = RasaToken.fromQuery(request.getQueryString());
    HttpServletRequest effective =
        token.isPresent() && request.getHeader("Authorization") == null
            ? new RasaToken.BearerRequest(request, token.get())
            : request;
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/")) {
      chain.doFilter(effective, response);
      return;
    }
    Optional<RasaBotBinding.BotRef> bot =
        binding.botFor(
            request.getServerName(), request.getServerPort(), RasaToken.bearer(effective));
    if (bot.isEmpty()) {
      notBound(response);
      return;
    }
    request.getRequestDispatcher(bot.get().apiPrefix() + path).forward(effective, response);
  }

  private static void notBound(HttpServletResponse response) throws IOException {
    RasaError error =
        new RasaError(
            404,
            "NotFound",
            "No bot answers at Rasa's paths on this server: set PARLEY_DEFAULT_BOT=tenant/bot, or"
                + " send a bot's API key (Authorization: Bearer <key> or ?token=<key>).",
            Map.of());
    response.setStatus(404);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    Json.mapper().writeValue(response.getOutputStream(), error.toResponse().getEntity());
  }
}
