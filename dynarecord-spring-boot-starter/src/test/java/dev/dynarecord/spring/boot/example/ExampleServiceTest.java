package dev.dynarecord.spring.boot.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynarecord.Session;
import dev.dynarecord.spring.boot.test.DynarecordSpringTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The example service over real HTTP on a random port, against the embedded engine. */
@DynarecordSpringTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ExampleServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired Session session;
    @Autowired jakarta.validation.Validator validator;

    private Http http() {
        return new Http(port);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void createsFromTheJsonBodyAndShowsIt() throws Exception {
        HttpResponse<String> created = http().post("/authors", "{\"name\":\"Ann\",\"email\":\"ann@example.com\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).get("id").asText();

        JsonNode shown = json(http().get("/authors/" + id));
        assertThat(shown.get("name").asText()).isEqualTo("Ann");
        assertThat(shown.get("email").asText()).isEqualTo("ann@example.com");
        assertThat(Author.find.byId(id).name).isEqualTo("Ann");
    }

    @Test
    void anInvalidBodyIs422WithFieldMessagesFromSpringsValidator() throws Exception {
        HttpResponse<String> refused = http().post("/authors", "{\"name\":\" \",\"email\":\"not an email\"}");

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode errors = json(refused).get("errors");
        assertThat(errors.get("name").get(0).asText()).isEqualTo("an author needs a name"); // messages.properties
        assertThat(errors.get("email").get(0).asText()).isEqualTo("must be a well-formed email address");
        assertThat(session.config().validator()).containsSame(validator);
    }

    @Test
    void anUnknownAttributeIs400() throws Exception {
        HttpResponse<String> refused = http().post("/authors", "{\"name\":\"Ann\",\"admin\":true}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("message").asText()).contains("admin");
    }

    @Test
    void aStaleUpdateIs409AndAFreshOneSaves() throws Exception {
        JsonNode created = json(http().post("/authors", "{\"name\":\"Bo\"}"));
        String id = created.get("id").asText();
        long version = created.get("version").asLong();

        HttpResponse<String> first = http().patch("/authors/" + id, version, "{\"name\":\"Bob\"}");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first).get("version").asLong()).isEqualTo(version + 1);

        HttpResponse<String> stale = http().patch("/authors/" + id, version, "{\"name\":\"Bobby\"}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).get("message").asText()).contains("read it again");
        assertThat(Author.find.byId(id).name).isEqualTo("Bob");
    }

    @Test
    void listsNotesPageByPageWithTheCursor() throws Exception {
        String id = json(http().post("/authors", "{\"name\":\"Cy\"}")).get("id").asText();
        for (int i = 1; i <= 5; i++) {
            assertThat(http().post("/authors/" + id + "/notes", "{\"text\":\"note " + i + "\"}").statusCode()).isEqualTo(201);
        }
        List<String> texts = new ArrayList<>();
        int pages = 0;
        String cursor = null;
        do {
            JsonNode page = json(http().get("/authors/" + id + "/notes?size=2"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))));
            page.get("items").forEach(n -> texts.add(n.get("text").asText()));
            cursor = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (cursor != null);

        assertThat(texts).containsExactly("note 1", "note 2", "note 3", "note 4", "note 5");
        assertThat(pages).isBetween(3, 4);
    }

    @Test
    void aNoteTooLongIs422AndAnUnknownAuthor404() throws Exception {
        String id = json(http().post("/authors", "{\"name\":\"Di\"}")).get("id").asText();
        HttpResponse<String> tooLong = http().post("/authors/" + id + "/notes", "{\"text\":\"" + "x".repeat(281) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(json(tooLong).get("errors").get("text").get(0).asText()).isEqualTo("size must be between 0 and 280");

        assertThat(http().get("/authors/nobody").statusCode()).isEqualTo(404);
        assertThat(http().get("/authors?cursor=garbage").statusCode()).isEqualTo(400);
    }

    @Test
    void theHealthEndpointReportsTheTables() throws Exception {
        HttpResponse<String> health = http().get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode dynarecord = json(health).get("components").get("dynarecord");
        assertThat(dynarecord.get("status").asText()).isEqualTo("UP");
        String namespace = session.config().namespace();
        assertThat(dynarecord.get("details").get("tables").get(namespace + "_authors").asText()).isEqualTo("ACTIVE");
        assertThat(dynarecord.get("details").get("tables").get(namespace + "_notes").asText()).isEqualTo("ACTIVE");
    }
}
