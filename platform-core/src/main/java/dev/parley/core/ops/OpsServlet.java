package dev.parley.core.ops;

import dev.parley.core.bot.BotCatalog;
import dev.parley.core.bot.LoadedBot;
import dev.parley.core.json.Json;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /version} and {@code /status} at the server root. */
@WebServlet(urlPatterns = {"/version", "/status"})
public class OpsServlet extends NoTraceServlet {
  private static final long serialVersionUID = 1L;

  /** The running version. */
  public static final String VERSION =
      OpsServlet.class.getPackage().getImplementationVersion() == null
          ? "dev"
          : OpsServlet.class.getPackage().getImplementationVersion();

  @Inject private transient BotCatalog catalog;
  @Inject private transient Readiness readiness;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    if (request.getServletPath().equals("/version")) {
      body.put("version", VERSION);
      body.put("minimum_compatible_version", VERSION);
      body.put("rasa_compatible", "3.x");
    } else {
      body.put("ready", readiness.isReady());
      body.put("version", VERSION);
      body.put(
          "bots",
          catalog.all().stream()
              .map(
                  (LoadedBot bot) ->
                      Map.of(
                          "tenant", bot.model().tenant(),
                          "bot", bot.model().bot(),
                          "model_version", bot.model().version()))
              .toList());
      body.put("num_active_training_jobs", 0);
    }
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    Json.mapper().writeValue(response.getOutputStream(), body);
  }
}
