package io.careline.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renders helm/careline with the Helm library bundled by helm-java and reads the manifests back. */
final class Chart {
    static final Path PATH = Path.of("helm/careline");
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

    private final List<JsonNode> manifests;

    private Chart(List<JsonNode> manifests) {
        this.manifests = manifests;
    }

    /** Renders with the given --set values (empty for the defaults). */
    static Chart render(Map<String, Object> values) {
        TemplateCommand template = new Helm(PATH).template().withName("careline").withNamespace("care");
        values.forEach(template::set);
        String yaml = template.call();
        try {
            List<JsonNode> docs = MAPPER.readValues(YAML.createParser(yaml), JsonNode.class).readAll();
            return new Chart(docs.stream().filter(doc -> doc != null && doc.has("kind")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> kinds() {
        return manifests.stream().map(m -> m.get("kind").asText()).toList();
    }

    Optional<JsonNode> find(String kind) {
        return manifests.stream().filter(m -> kind.equals(m.get("kind").asText())).findFirst();
    }

    List<JsonNode> all(String kind) {
        return manifests.stream().filter(m -> kind.equals(m.get("kind").asText())).toList();
    }

    JsonNode get(String kind) {
        return find(kind).orElseThrow(() -> new AssertionError("no " + kind + " rendered"));
    }

    JsonNode container() {
        return get("Deployment").at("/spec/template/spec/containers/0");
    }
}
