package io.careline.helm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The chart's probes name paths and a port that the running application really serves. */
@QuarkusTest
class ChartProbesTest {
    @Test
    void everyProbePathAnswersUpOnTheManagementPort() {
        int managementPort = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        int chartManagementPort = ConfigProvider.getConfig().getValue("quarkus.management.port", Integer.class);
        Chart chart = Chart.render(Map.of());
        JsonNode container = chart.container();
        assertThat(container.at("/ports/1/containerPort").asInt()).isEqualTo(chartManagementPort);
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            String path = container.at("/" + probe + "/httpGet/path").asText();
            given().port(managementPort).get(path).then().statusCode(200);
        }
    }
}
