package org.civiclink.recommendation.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import org.civiclink.platform.testing.DevTokenIssuer;
import org.civiclink.platform.testing.KafkaTestResource;
import org.civiclink.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class ServiceResourceTest {

    @Test
    void servicesAreListedInHsdsShapeByTermAndTextWithPaging() {
        caller().when().get("/v1/services?size=100")
                .then().statusCode(200).body("total", greaterThanOrEqualTo(20)).body("items[0].organization.name", notNullValue());
        caller().when().get("/v1/services?taxonomyTerm=Prenatal-Care")
                .then().statusCode(200).body("total", equalTo(2))
                .body("items.attributes.taxonomy_term.code.flatten()", hasItem("prenatal-care"));
        caller().when().get("/v1/services?q=foster care&size=1&page=1")
                .then().statusCode(200).body("total", equalTo(2)).body("items", hasSize(1)).body("page", equalTo(1));
        caller().when().get("/v1/services?taxonomyTerm=veteran-services&q=housing")
                .then().statusCode(200).body("items.name", everyItem(equalTo("Housing for Veterans (rapid rehousing)")));
        caller().when().get("/v1/services?size=101")
                .then().statusCode(400).contentType("application/problem+json").body("invalid-params[0].name", equalTo("size"));
    }

    @Test
    void oneServiceCarriesOrganizationLocationsSchedulesEligibilityCapacityAndTerms() {
        String id = caller().when().get("/v1/services?taxonomyTerm=youth-housing-foster-care&q=supportive")
                .then().statusCode(200).extract().path("items[0].id");
        caller().when().get("/v1/services/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("organization.name", equalTo("Next Chapter Youth Housing"))
                .body("service_at_locations[0].location.addresses[0].city", equalTo("Brooklyn"))
                .body("schedules[0].freq", equalTo("WEEKLY"))
                .body("eligibility_description", notNullValue())
                .body("minimum_age", equalTo(18))
                .body("capacities[0].unit.name", equalTo("apartments"))
                .body("attributes.taxonomy_term.code", hasItem("youth-housing-foster-care"));
        caller().when().get("/v1/services/nope").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theDirectoryNeedsAuthenticationButNoPurpose() {
        given().when().get("/v1/services").then().statusCode(401);
        given().auth().oauth2(DevTokenIssuer.issue("hra-system", "HRA", "agency-system"))
                .when().get("/v1/services").then().statusCode(200);
    }

    private static RequestSpecification caller() {
        return given().auth().oauth2(DevTokenIssuer.issue("cw-dir", "DHS-SHELTER", "caseworker"));
    }
}
