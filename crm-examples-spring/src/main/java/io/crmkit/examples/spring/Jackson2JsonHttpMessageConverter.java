package io.crmkit.examples.spring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Type;
import org.springframework.core.GenericTypeResolver;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractGenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;

/**
 * Reads and writes JSON ({@code application/json}, {@code application/problem+json} and any {@code +json} type) with
 * a Jackson 2 {@link ObjectMapper}. It is all Spring MVC needs from a JSON converter; see {@link JsonConfiguration}
 * for why this application brings its own instead of Spring's deprecated Jackson 2 converter.
 *
 * <p>A body that is not valid JSON, or does not fit the target type, becomes an
 * {@link HttpMessageNotReadableException} whose cause is Jackson's exception, which knows the path of the offending
 * field; {@link ProblemDetailsAdvice} turns it into a 400.
 */
final class Jackson2JsonHttpMessageConverter extends AbstractGenericHttpMessageConverter<Object> {

    private final ObjectMapper mapper;

    Jackson2JsonHttpMessageConverter(ObjectMapper mapper) {
        super(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, new MediaType("application", "*+json"));
        this.mapper = mapper;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return true; // canRead/canWrite also check the media type
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
        JavaType javaType = mapper.getTypeFactory().constructType(GenericTypeResolver.resolveType(type, contextClass));
        return read(javaType, input);
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage input) throws IOException {
        return read(mapper.getTypeFactory().constructType(clazz), input);
    }

    private Object read(JavaType type, HttpInputMessage input) throws IOException {
        try {
            return mapper.readValue(input.getBody(), type);
        } catch (JsonProcessingException e) {
            throw new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e, input);
        }
    }

    @Override
    protected void writeInternal(Object value, Type type, HttpOutputMessage output) throws IOException {
        try {
            mapper.writeValue(output.getBody(), value);
        } catch (JsonProcessingException e) {
            throw new HttpMessageNotWritableException("could not write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
