package io.waymark.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.waymark.testing.Tokens;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the product says, through the gateway, as an analyst reads it: the figures the ground-truth test checks. */
final class ProductFigures {

    record Stage(String stage, long reached, long converted, Double conversion) {
    }

    record Step(String key, long reached, Long wentOn) {

        Double goOnShare() {
            return reached == 0 || wentOn == null ? null : (double) wentOn / reached;
        }
    }

    record Group(String key, long responses, Double value) {
    }

    private ProductFigures() {
    }

    private static JsonPath get(String path, Map<String, ?> query) {
        return given().auth().oauth2(Tokens.forRole("analyst")).queryParams(query).get(path)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> period(LocalDate from, LocalDate to) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("from", from.toString());
        q.put("to", to.toString());
        return q;
    }

    /** GET /api/analytics/funnel, of a segment's members when {@code segment} is given. */
    static List<Stage> funnel(LocalDate from, LocalDate to, UUID segment) {
        Map<String, Object> q = period(from, to);
        if (segment != null) {
            q.put("segment", segment.toString());
        }
        List<Map<String, Object>> stages = get("/api/analytics/funnel", q).getList("stages");
        return stages.stream().map(s -> new Stage((String) s.get("stage"), number(s.get("reached")),
                number(s.get("converted")), s.get("conversion") == null ? null : ((Number) s.get("conversion")).doubleValue()))
                .toList();
    }

    static List<Step> journeyFunnel(UUID journey, LocalDate from, LocalDate to) {
        List<Map<String, Object>> steps = get("/api/analytics/journeys/" + journey + "/funnel", period(from, to))
                .getList("touchpoints");
        return steps.stream().map(s -> new Step((String) s.get("key"), number(s.get("reached")),
                s.get("wentOn") == null ? null : number(s.get("wentOn")))).toList();
    }

    /** Touchpoint keys, highest pain first. */
    static Map<String, Double> painRanking(UUID journey, LocalDate from, LocalDate to) {
        List<Map<String, Object>> ranked = get("/api/analytics/journeys/" + journey + "/pain-points", period(from, to))
                .getList("touchpoints");
        Map<String, Double> out = new LinkedHashMap<>();
        ranked.forEach(t -> out.put((String) t.get("key"), ((Number) t.get("score")).doubleValue()));
        return out;
    }

    /** GET /api/analytics/experience?metric=&by=touchpoint: "journeyId:key" → responses and score. */
    static Map<String, Group> experience(String metric, LocalDate from, LocalDate to) {
        Map<String, Object> q = period(from, to);
        q.put("metric", metric);
        q.put("by", "touchpoint");
        List<Map<String, Object>> groups = get("/api/analytics/experience", q).getList("groups");
        Map<String, Group> out = new LinkedHashMap<>();
        for (Map<String, Object> g : groups) {
            @SuppressWarnings("unchecked")
            Map<String, Object> score = (Map<String, Object>) g.get("score");
            Object value = score == null ? null : score.get("value");
            out.put((String) g.get("key"), new Group((String) g.get("key"), number(g.get("responses")),
                    value == null ? null : ((Number) value).doubleValue()));
        }
        return out;
    }

    /**
     * A churn model's held-out figures, its weights (feature → weight on the standardised value) and the touchpoints
     * it counts as pain points ("journeyId:key").
     */
    record ChurnModel(int version, double rocAuc, double aucStandardError, int heldOut, int churners,
                      Map<String, Double> weights, List<String> painPoints) {
    }

    /** POST /api/analytics/churn-model/train, as an admin: trains on the history now and answers the new version. */
    static ChurnModel trainChurnModel() {
        JsonPath m = given().auth().oauth2(Tokens.forRole("admin")).post("/api/analytics/churn-model/train")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Double> weights = new LinkedHashMap<>();
        List<Map<String, Object>> list = m.getList("weights");
        list.forEach(w -> weights.put((String) w.get("feature"), ((Number) w.get("weight")).doubleValue()));
        return new ChurnModel(m.getInt("version"), m.getDouble("metrics.rocAuc"), m.getDouble("metrics.aucStandardError"),
                m.getInt("metrics.examples"), m.getInt("metrics.churners"), weights, m.getList("painPoints"));
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
