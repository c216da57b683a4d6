package io.waymark.journey.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.Tokens;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The picture is valid SVG with every touchpoint, escapes what it draws, and never fails for a missing overlay. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class JourneyPictureTest {

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Set<String> texts(Document doc, String element) {
        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", element);
        Set<String> found = new HashSet<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add(nodes.item(i).getTextContent());
        }
        return found;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLargeMapIsValidSvgWithEveryTouchpointAndEscapedText() throws Exception {
        Map<String, Object> map = JourneyMaps.map("Picture <&> \"quotes\" " + UUID.randomUUID(), "product");
        List<Object> stages = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            List<Map<String, Object>> touchpoints = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String name = "Step " + s + "." + t + (t == 0 ? " <b>&amp; ' \"" : " with a long name that has to wrap");
                names.add(name);
                touchpoints.add(JourneyMaps.touchpoint("s" + s + "-t" + t, name, (s + t) % 5 - 2, "event_" + s + "_" + t));
            }
            stages.add(JourneyMaps.stage("stage-" + s, "Stage " + s, "RETENTION", touchpoints.toArray(new Map[0])));
        }
        map.put("stages", stages);
        String designer = Tokens.forRole("designer");
        String id = given().auth().oauth2(designer).contentType(ContentType.JSON).body(map).post("/journeys")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(designer).post("/journeys/" + id + "/publish").then().statusCode(201);

        String svg = given().auth().oauth2(Tokens.forRole("agent")).get("/journeys/" + id + "/map.svg?version=1")
                .then().statusCode(200).contentType("image/svg+xml").extract().asString();
        Document doc = parse(svg);
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        Set<String> titles = texts(doc, "title");
        assertTrue(titles.stream().anyMatch(t -> t.startsWith((String) map.get("name"))), "the map's title");
        for (String name : names) {
            assertTrue(titles.contains(name), "touchpoint " + name);
        }
        assertTrue(texts(doc, "text").contains("Stage 9"));
    }

    @Test
    void theOverlaySaysNoDataYetWhenAnalyticsHasNone() throws Exception {
        String designer = Tokens.forRole("designer");
        String id = given().auth().oauth2(designer).contentType(ContentType.JSON)
                .body(JourneyMaps.map("Overlay " + UUID.randomUUID(), "product")).post("/journeys")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(designer).post("/journeys/" + id + "/publish").then().statusCode(201);
        String svg = given().auth().oauth2(designer).get("/journeys/" + id + "/map.svg?version=1&overlay=actual")
                .then().statusCode(200).extract().asString();
        assertTrue(texts(parse(svg), "text").stream().anyMatch(t -> t.startsWith("no data yet")), svg);
        given().auth().oauth2(designer).get("/journeys/" + id + "/map.svg").then().statusCode(200);
        given().auth().oauth2(designer).get("/journeys/" + id + "/map.svg?version=3").then().statusCode(404);
        given().auth().oauth2(designer).get("/journeys/" + id + "/map.svg?overlay=guess").then().statusCode(400);
        given().auth().oauth2(designer).get("/journeys/" + id + "/map.svg?version=abc").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
