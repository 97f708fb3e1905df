package io.stipple.platform.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class ApiContractOpenApiFilterTest {

    private final ApiContractOpenApiFilter filter = new ApiContractOpenApiFilter();

    private static Schema string(String format) {
        return OASFactory.createSchema().addType(SchemaType.STRING).format(format);
    }

    @Test
    void aValuesTypeGivesItsBoundsWhereNoConstraintGaveTighterOnes() {
        assertThat(filter.filterSchema(string("uuid")).getMaxLength()).isEqualTo(36);
        assertThat(filter.filterSchema(string("date")).getMaxLength()).isEqualTo(16);
        assertThat(filter.filterSchema(string("date-time")).getMaxLength()).isEqualTo(64);
        Schema file = filter.filterSchema(string("binary"));
        assertThat(file.getType()).isNull();
        assertThat(file.getFormat()).isNull();
        assertThat(file.getContentMediaType()).isEqualTo("application/octet-stream");
        assertThat(filter.filterSchema(string("binary").contentMediaType("image/jpeg")).getContentMediaType()).isEqualTo("image/jpeg");
        // free text is bounded by its @Size only, never by a guess
        assertThat(filter.filterSchema(string(null)).getMaxLength()).isNull();
        assertThat(filter.filterSchema(string("uuid").maxLength(10)).getMaxLength()).isEqualTo(10);

        Schema int32 = filter.filterSchema(OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32"));
        assertThat(int32.getMinimum()).isEqualByComparingTo(BigDecimal.valueOf(Integer.MIN_VALUE));
        assertThat(int32.getMaximum()).isEqualByComparingTo(BigDecimal.valueOf(Integer.MAX_VALUE));
        Schema bounded = filter.filterSchema(OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                .minimum(BigDecimal.ONE).maximum(BigDecimal.TEN));
        assertThat(bounded.getMinimum()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(bounded.getMaximum()).isEqualByComparingTo(BigDecimal.TEN);
        Schema noFormat = filter.filterSchema(OASFactory.createSchema().addType(SchemaType.INTEGER));
        assertThat(noFormat.getFormat()).isEqualTo("int64");
        assertThat(noFormat.getMaximum()).isEqualByComparingTo(BigDecimal.valueOf(Long.MAX_VALUE));
    }

    @Test
    void theSharedHeadersAreBoundedAsThePlatformChecksThem() {
        Parameter key = filter.filterParameter(OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER)
                .schema(OASFactory.createSchema().addType(SchemaType.STRING)));
        assertThat(key.getSchema().getMaxLength()).isEqualTo(255);
        assertThat("k-1".matches(key.getSchema().getPattern().replace("\\\\", "\\"))).isTrue();
        Parameter ifMatch = filter.filterParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER)
                .schema(OASFactory.createSchema().addType(SchemaType.STRING)));
        assertThat(ifMatch.getSchema().getMaxLength()).isEqualTo(ApiContractOpenApiFilter.LONGEST_ETAG);
        assertThat(ApiContractOpenApiFilter.LONGEST_ETAG).isGreaterThanOrEqualTo(("W/\"" + Long.MAX_VALUE + "\"").length());
    }

    @Test
    void everyOperationDeclaresTheAnswersEveryApiGives() {
        APIResponse ok = OASFactory.createAPIResponse().description("ok");
        Operation get = OASFactory.createOperation().responses(OASFactory.createAPIResponses().addAPIResponse("200", ok));
        APIResponse ownTooMany = OASFactory.createAPIResponse().description("own 429");
        Operation post = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("201", OASFactory.createAPIResponse().description("created"))
                .addAPIResponse("429", ownTooMany));
        OpenAPI api = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/things", OASFactory.createPathItem().GET(get).POST(post)));

        filter.filterOpenAPI(api);

        assertThat(get.getResponses().getAPIResponse("429").getRef()).endsWith("/TooManyRequests");
        assertThat(get.getResponses().getAPIResponse("500").getRef()).endsWith("/ServerError");
        assertThat(ok.getHeaders()).containsKeys("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset",
                "Access-Control-Allow-Origin");
        // an operation's own 429 stays, with Retry-After added
        assertThat(post.getResponses().getAPIResponse("429")).isSameAs(ownTooMany);
        assertThat(ownTooMany.getHeaders()).containsKey("Retry-After");
        assertThat(api.getComponents().getResponses().get("TooManyRequests").getHeaders()).containsKey("Retry-After");
        assertThat(api.getComponents().getHeaders()).containsKeys("RateLimit-Limit", "Retry-After", "Access-Control-Allow-Origin");
    }

    @Test
    void aNullableReferenceCarriesTheBoundOfWhatItRefersTo() {
        Schema instant = filter.filterSchema(string("date-time"));
        Schema sex = OASFactory.createSchema().addType(SchemaType.STRING).enumeration(java.util.Arrays.asList("MALE", "FEMALE", "INTERSEX", null));
        Schema free = OASFactory.createSchema().addType(SchemaType.STRING);
        Schema nullableInstant = nullable("Instant");
        Schema nullableSex = nullable("Sex");
        Schema nullableFree = nullable("Free");
        Schema ownBound = nullable("Instant").maxLength(30);
        Schema page = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("items", OASFactory.createSchema().addType(SchemaType.ARRAY).items(OASFactory.createSchema().ref("Sex")));
        Schema view = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("signedOffAt", nullableInstant).addProperty("sex", nullableSex)
                .addProperty("notes", nullableFree).addProperty("at", ownBound);
        Parameter query = OASFactory.createParameter().name("since").in(Parameter.In.QUERY).schema(nullable("Instant"));
        OpenAPI api = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSchema("Instant", instant).addSchema("Sex", sex)
                        .addSchema("Free", free).addSchema("View", view).addSchema("AssessmentPage", page))
                .paths(OASFactory.createPaths().addPathItem("/things", OASFactory.createPathItem()
                        .GET(OASFactory.createOperation().addParameter(query)
                                .responses(OASFactory.createAPIResponses().addAPIResponse("200",
                                        OASFactory.createAPIResponse().description("ok"))))));

        filter.filterOpenAPI(api);

        assertThat(nullableInstant.getMaxLength()).isEqualTo(64);
        assertThat(nullableSex.getMaxLength()).isEqualTo("INTERSEX".length());
        assertThat(nullableFree.getMaxLength()).as("an unbounded reference gives no bound").isNull();
        assertThat(ownBound.getMaxLength()).isEqualTo(30);
        assertThat(query.getSchema().getMaxLength()).isEqualTo(64);
        assertThat(page.getProperties().get("items").getMaxItems()).isEqualTo(PageQuery.MAX_SIZE);
    }

    private static Schema nullable(String component) {
        return OASFactory.createSchema().addType(SchemaType.STRING).addType(SchemaType.NULL)
                .addAnyOf(OASFactory.createSchema().ref(component))
                .addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
    }

    @Test
    void theBearerSchemeSaysHowItsTokensAreChecked() {
        SecurityScheme jwt = filter.filterSecurityScheme(OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"));
        assertThat(jwt.getDescription()).contains("RFC8725").contains("RS256");
    }
}
