package io.careline.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The chart renders, lints and wires the application the way the README's configuration says. */
class HelmChartTest {

    @Test
    void defaultsLintCleanAndRenderTheCoreResources() {
        LintResult lint = new Helm(Chart.PATH).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
        assertThat(Chart.render(Map.of()).kinds()).containsExactlyInAnyOrder("ServiceAccount", "ConfigMap",
                "Service", "Deployment", "PodDisruptionBudget");
    }

    @Test
    void podsRunHardenedWithResourcesAndAGracePeriodCoveringTheDrain() {
        Chart chart = Chart.render(Map.of());
        JsonNode pod = chart.get("Deployment").at("/spec/template/spec");
        JsonNode container = chart.container();
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(container.at("/securityContext/capabilities/drop/0").asText()).isEqualTo("ALL");
        assertThat(container.at("/resources/requests/cpu").asText()).isEqualTo("500m");
        assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("1Gi");
        assertThat(pod.at("/terminationGracePeriodSeconds").asInt()).isGreaterThanOrEqualTo(5 + 25);
        assertThat(chart.get("Deployment").at("/spec/template/metadata/annotations/checksum~1config").asText())
                .hasSize(64);
    }

    @Test
    void theNativeImageIsTheDefaultWithItsHeapAsAnArgumentAndTheJvmImageTheAlternative() {
        JsonNode nativeContainer = Chart.render(Map.of()).container();
        assertThat(nativeContainer.at("/image").asText()).isEqualTo("ghcr.io/careline/careline:0.1.0");
        assertThat(nativeContainer.at("/args/0").asText()).isEqualTo("-Xmx512m");
        assertThat(nativeContainer.at("/env").findValuesAsText("name")).doesNotContain("JAVA_OPTS_APPEND");

        JsonNode jvm = Chart.render(Map.of("image.variant", "jvm", "maxHeap", "600m")).container();
        assertThat(jvm.at("/image").asText()).isEqualTo("ghcr.io/careline/careline:0.1.0-jvm");
        assertThat(jvm.at("/args").isMissingNode()).isTrue();
        assertThat(env(jvm, "JAVA_OPTS_APPEND")).contains("org.jboss.logmanager.LogManager").endsWith(" -Xmx600m");

        JsonNode runtimeDefault = Chart.render(Map.of("maxHeap", "", "image.tag", "1.2.3")).container();
        assertThat(runtimeDefault.at("/image").asText()).isEqualTo("ghcr.io/careline/careline:1.2.3");
        assertThat(runtimeDefault.at("/args").isMissingNode()).isTrue();
        assertThatThrownBy(() -> Chart.render(Map.of("image.variant", "jar"))).hasMessageContaining("variant");
        assertThatThrownBy(() -> Chart.render(Map.of("maxHeap", "384 MB"))).hasMessageContaining("maxHeap");
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode variable : container.at("/env")) {
            if (name.equals(variable.get("name").asText())) {
                return variable.get("value").asText();
            }
        }
        throw new AssertionError(name + " is not set");
    }

    @Test
    void aGracePeriodShorterThanTheDrainIsRefused() {
        assertThatThrownBy(() -> Chart.render(Map.of("terminationGracePeriodSeconds", 10)))
                .hasMessageContaining("must be at least");
    }

    @Test
    void probesUseTheManagementPortThatTheServiceKeepsOutOfTheIngress() {
        Chart chart = Chart.render(Map.of("ingress.enabled", true));
        JsonNode container = chart.container();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/port").asText()).isEqualTo("management");
        }
        assertThat(container.at("/ports/1/containerPort").asInt()).isEqualTo(9000);
        assertThat(chart.get("Ingress").at("/spec/rules/0/http/paths/0/backend/service/port/name").asText())
                .isEqualTo("http");
        assertThat(chart.get("Ingress").at("/metadata/annotations/nginx.ingress.kubernetes.io~1proxy-read-timeout")
                .asText()).isEqualTo("3600");
    }

    @Test
    void optionalResourcesAppearOnlyWhenEnabled() {
        assertThat(Chart.render(Map.of()).kinds()).doesNotContain("HorizontalPodAutoscaler", "ServiceMonitor",
                "NetworkPolicy", "Ingress", "Secret");
        Chart all = Chart.render(Map.of("autoscaling.enabled", true, "metrics.serviceMonitor.enabled", true,
                "networkPolicy.enabled", true, "ingress.enabled", true, "podDisruptionBudget.enabled", false));
        assertThat(all.kinds()).contains("HorizontalPodAutoscaler", "ServiceMonitor", "NetworkPolicy", "Ingress")
                .doesNotContain("PodDisruptionBudget");
        assertThat(all.get("HorizontalPodAutoscaler").at("/spec/metrics").findValuesAsText("name"))
                .containsExactly("cpu", "memory");
        assertThat(all.get("Deployment").at("/spec/replicas").isMissingNode()).isTrue();
        assertThat(all.get("ServiceMonitor").at("/spec/endpoints/0/port").asText()).isEqualTo("management");
    }

    @Test
    void secretsAreReferencedAndNeverInlinedWhenExistingSecretsAreGiven() {
        Chart chart = Chart.render(Map.of("database.existingSecret", "hospital-db", "database.password", "ignored",
                "jwt.existingSecret", "hospital-jwt", "jwt.publicKey", "ignored",
                "redis.existingSecret", "hospital-redis", "redis.password", "ignored"));
        assertThat(chart.kinds()).doesNotContain("Secret");
        JsonNode password = chart.container().at("/env/0");
        assertThat(password.at("/name").asText()).isEqualTo("DB_PASSWORD");
        assertThat(password.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("hospital-db");
        JsonNode redisPassword = chart.container().at("/env/1");
        assertThat(redisPassword.at("/name").asText()).isEqualTo("QUARKUS_REDIS_PASSWORD");
        assertThat(redisPassword.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("hospital-redis");
        assertThat(redisPassword.at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("redis-password");
        assertThat(chart.get("Deployment").at("/spec/template/spec/volumes/1/secret/secretName").asText())
                .isEqualTo("hospital-jwt");
        assertThat(chart.get("ConfigMap").at("/data/JWT_PUBLIC_KEY_LOCATION").asText())
                .isEqualTo("file:/etc/careline/jwt/publicKey.pem");
        assertThat(chart.get("ConfigMap").toString()).doesNotContain("ignored");
    }

    @Test
    void inlinePasswordsGoIntoTheChartsSecretNotTheConfigMap() {
        Chart chart = Chart.render(Map.of("database.password", "s3cret", "redis.password", "r3dis"));
        assertThat(chart.get("Secret").at("/data/password").asText()).isEqualTo("czNjcmV0");
        assertThat(chart.get("Secret").at("/data/redis-password").asText()).isEqualTo("cjNkaXM=");
        assertThat(chart.get("ConfigMap").toString()).doesNotContain("s3cret").doesNotContain("r3dis");
    }

    @Test
    void pushCredentialsAndConfigGoIntoTheirSecretsAsEnvironmentAndAMountedFile() {
        assertThat(Chart.render(Map.of()).container().at("/envFrom").size()).isEqualTo(1);
        Chart chart = Chart.render(Map.of("push.credentials.CARELINE_PUSH_APNS_TEAM_ID", "TEAM1",
                "push.config", "careline.push.webhook.h1.url=https://his.example/push"));
        List<JsonNode> secrets = chart.all("Secret");
        assertThat(secrets).extracting(secret -> secret.at("/metadata/name").asText())
                .containsExactlyInAnyOrder("careline-push", "careline-push-config");
        assertThat(chart.container().at("/envFrom/1/secretRef/name").asText()).isEqualTo("careline-push");
        assertThat(chart.container().at("/env").findValuesAsText("value")).contains("/etc/careline/push/push.properties");
        assertThat(chart.container().at("/volumeMounts").findValuesAsText("mountPath")).contains("/etc/careline/push");
        assertThat(chart.get("ConfigMap").toString()).doesNotContain("TEAM1").doesNotContain("his.example");
        assertThat(chart.get("ConfigMap").at("/data/CARELINE_PUSH_WORKERS_ENABLED").asText()).isEqualTo("true");

        Chart existing = Chart.render(Map.of("push.existingSecret", "hospital-push",
                "push.existingConfigSecret", "hospital-push-config", "push.credentials.CARELINE_PUSH_APNS_TEAM_ID", "x"));
        assertThat(existing.kinds()).doesNotContain("Secret");
        assertThat(existing.container().at("/envFrom/1/secretRef/name").asText()).isEqualTo("hospital-push");
        assertThatThrownBy(() -> Chart.render(Map.of("push.credentials.FCM_KEY", "x"))).hasMessageContaining("FCM_KEY");
    }

    @Test
    void theConsolesIdentityProviderIsConfiguredOnlyWhenIssuerAndClientAreBothGiven() {
        assertThat(Chart.render(Map.of()).get("ConfigMap").at("/data/CARELINE_CONSOLE_OIDC_ISSUER").isMissingNode())
                .isTrue();
        assertThat(Chart.render(Map.of("console.oidc.issuer", "https://idp.example.org/realms/h")).get("ConfigMap")
                .at("/data/CARELINE_CONSOLE_OIDC_ISSUER").isMissingNode()).isTrue();
        var data = Chart.render(Map.of("console.oidc.issuer", "https://idp.example.org/realms/h",
                "console.oidc.clientId", "careline-console")).get("ConfigMap").at("/data");
        assertThat(data.get("CARELINE_CONSOLE_OIDC_ISSUER").asText()).isEqualTo("https://idp.example.org/realms/h");
        assertThat(data.get("CARELINE_CONSOLE_OIDC_CLIENT_ID").asText()).isEqualTo("careline-console");
        assertThat(data.get("CARELINE_CONSOLE_OIDC_SCOPE").asText()).isEqualTo("openid");
        assertThatThrownBy(() -> Chart.render(Map.of("console.oidc.issuer", "idp.example.org")))
                .hasMessageContaining("issuer");
    }

    @Test
    void theSchemaRejectsAWrongType() {
        assertThatThrownBy(() -> Chart.render(Map.of("replicaCount", "many"))).hasMessageContaining("replicaCount");
        assertThatThrownBy(() -> Chart.render(Map.of("database.url", "postgres://x"))).hasMessageContaining("url");
    }

    @Test
    void everyEnvironmentVariableIsOneTheReadmeDocuments() throws IOException {
        String readme = Files.readString(java.nio.file.Path.of("README.md"));
        List<String> variables = new ArrayList<>();
        Chart.render(Map.of("database.password", "x")).get("ConfigMap").at("/data").fieldNames()
                .forEachRemaining(variables::add);
        variables.add("DB_PASSWORD");
        variables.add("QUARKUS_REDIS_PASSWORD");
        for (String variable : variables) {
            Matcher documented = Pattern.compile("\\| `" + variable + "` \\|").matcher(readme);
            assertThat(documented.find()).as(variable + " in the README's configuration table").isTrue();
        }
    }
}
