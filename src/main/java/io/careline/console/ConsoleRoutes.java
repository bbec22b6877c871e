package io.careline.console;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Sends /console to /console/, where the static console lives (its scripts load relative to that folder), and
 * gives the console's pages headers that keep them from being framed or leaking their address.
 */
@ApplicationScoped
public class ConsoleRoutes {
    void register(@Observes Router router) {
        // Vert.x matches "/console/*" for /console too, and "/console" for /console/: one route tells them apart.
        router.get("/console/*").order(-1).handler(context -> {
            if (context.request().path().equals("/console")) {
                context.redirect("/console/");
                return;
            }
            context.response().putHeader("X-Frame-Options", "DENY").putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("X-Content-Type-Options", "nosniff");
            context.next();
        });
    }
}
