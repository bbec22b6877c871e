package io.careline.realtime.frame;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The served AsyncAPI document, docs/protocol.md and the code name the same frames. */
@QuarkusTest
class AsyncApiTest {
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([a-z_]+)` \\|", Pattern.MULTILINE);

    @Test
    void theServedDocumentDescribesEveryFrameOfTheProtocol() throws IOException {
        String yaml = given().get("/asyncapi.yaml").then().statusCode(200).extract().asString();
        JsonNode asyncApi = new YAMLMapper().readTree(yaml);
        assertThat(asyncApi.get("asyncapi").asText()).isEqualTo("3.0.0");

        Set<String> clientFrames = frameTypes(asyncApi, "clientFrames");
        Set<String> serverFrames = frameTypes(asyncApi, "serverFrames");
        assertThat(serverFrames).as("one message per ServerFrame record")
                .hasSize(ServerFrame.class.getPermittedSubclasses().length);

        String protocol = Files.readString(Path.of("docs/protocol.md"));
        String clientTable = protocol.substring(protocol.indexOf("### Client → server"),
                protocol.indexOf("### Server → client"));
        String serverTable = protocol.substring(protocol.indexOf("### Server → client"));
        assertThat(tableTypes(clientTable)).containsExactlyInAnyOrderElementsOf(clientFrames);
        assertThat(tableTypes(serverTable)).containsExactlyInAnyOrderElementsOf(serverFrames);
    }

    /** The {@code type} constants of the messages an operation lists. */
    private static Set<String> frameTypes(JsonNode asyncApi, String operation) {
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode ref : asyncApi.at("/operations/" + operation + "/messages")) {
            String channelMessage = ref.get("$ref").asText().replace("#/channels/ws/messages/", "");
            String component = asyncApi.at("/channels/ws/messages/" + channelMessage + "/$ref").asText()
                    .replace("#/components/messages/", "");
            types.add(asyncApi.at("/components/messages/" + component + "/payload/properties/type/const").asText());
        }
        return types;
    }

    private static Set<String> tableTypes(String table) {
        Set<String> types = new LinkedHashSet<>();
        Matcher row = TABLE_ROW.matcher(table);
        while (row.find()) {
            types.add(row.group(1));
        }
        return types;
    }
}
