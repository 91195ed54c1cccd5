package io.crmkit.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.crmkit.customer.EmailContact;
import io.crmkit.customer.ImportantDate;
import io.crmkit.customer.PhoneContact;
import io.crmkit.customer.PostalAddress;
import io.crmkit.jackson.CrmModule;
import io.crmkit.lead.BantChecklist;
import io.crmkit.lead.LeadConversion;
import io.crmkit.lead.LeadSettings;
import io.crmkit.lead.PossibleDuplicates;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.StorageException;
import java.util.List;
import java.util.Map;

/** The JSON columns, written and read through crm-jackson's {@link CrmModule}. */
final class JsonColumns {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new CrmModule());

    static final Codec<List<EmailContact>> EMAILS = new Codec<>(new TypeReference<>() {
    });
    static final Codec<List<PhoneContact>> PHONES = new Codec<>(new TypeReference<>() {
    });
    static final Codec<List<PostalAddress>> ADDRESSES = new Codec<>(new TypeReference<>() {
    });
    static final Codec<List<String>> TAGS = new Codec<>(new TypeReference<>() {
    });
    /** A list of strings in its order, such as a tenant's lost reasons. */
    static final Codec<List<String>> STRINGS = TAGS;
    static final Codec<List<ImportantDate>> DATES = new Codec<>(new TypeReference<>() {
    });
    static final Codec<Map<String, AttributeValue>> ATTRIBUTES = new Codec<>(new TypeReference<>() {
    });
    static final Codec<BantChecklist> BANT = new Codec<>(new TypeReference<>() {
    });
    static final Codec<PossibleDuplicates> POSSIBLE_DUPLICATES = new Codec<>(new TypeReference<>() {
    });
    static final Codec<LeadConversion> LEAD_CONVERSION = new Codec<>(new TypeReference<>() {
    });
    static final Codec<LeadSettings> LEAD_SETTINGS = new Codec<>(new TypeReference<>() {
    });

    private JsonColumns() {
    }

    /** One column's type. */
    static final class Codec<T> {
        private final ObjectWriter writer;
        private final ObjectReader reader;

        private Codec(TypeReference<T> type) {
            this.writer = MAPPER.writerFor(type);
            this.reader = MAPPER.readerFor(type);
        }

        String write(T value) {
            try {
                return writer.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new StorageException("crmkit could not write a JSON column: " + e.getOriginalMessage(), e);
            }
        }

        T read(String json, String what) {
            try {
                return reader.readValue(json);
            } catch (JsonProcessingException e) {
                throw new StorageException("crmkit could not read the stored " + what + ": "
                        + e.getOriginalMessage(), e);
            }
        }
    }
}
