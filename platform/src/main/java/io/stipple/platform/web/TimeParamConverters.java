package io.stipple.platform.web;

import io.stipple.platform.problem.ProblemException;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.format.DateTimeParseException;

/**
 * Query, path and header parameters of the java.time types: parsed as ISO-8601, years 0001 to 9999
 * ({@link TimeBounds}). A value that is neither is a 400 problem naming the parameter ({@code invalid-parameter}),
 * not the 404 JAX-RS gives a failed parameter conversion, and never a value that reaches the database.
 */
@Provider
public class TimeParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!TimeBounds.isTimeType(rawType)) {
            return null;
        }
        String name = parameterName(annotations);
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                Object parsed;
                try {
                    parsed = TimeBounds.parse(rawType, value.trim());
                } catch (DateTimeParseException e) {
                    throw invalid(name, "must be " + TimeBounds.example(rawType));
                }
                if (!TimeBounds.inRange(parsed)) {
                    throw invalid(name, TimeBounds.OUT_OF_RANGE);
                }
                return (T) parsed;
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    /**
     * The problem for a parameter that cannot be used. JAX-RS wraps whatever a converter throws for a query or path
     * parameter in a 404 NotFoundException; {@code ProblemMappers} unwraps this one into its 400.
     */
    static ProblemException invalid(String name, String message) {
        return new ProblemException(400, "invalid-parameter", "Invalid parameter", name + ": " + message,
                java.util.List.of(new io.stipple.platform.problem.Problem.Violation(name, message)));
    }

    private static String parameterName(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) return q.value();
                if (a instanceof PathParam p) return p.value();
                if (a instanceof HeaderParam h) return h.value();
                if (a instanceof FormParam f) return f.value();
                if (a instanceof CookieParam c) return c.value();
                if (a.annotationType().getSimpleName().startsWith("Rest")) {
                    try {
                        Object v = a.annotationType().getMethod("value").invoke(a);
                        if (v instanceof String s && !s.isBlank()) return s;
                    } catch (ReflectiveOperationException ignored) {
                        // no value(): fall through
                    }
                }
            }
        }
        return "parameter";
    }
}
