package io.careline.conversation.model;

import static io.careline.conversation.model.ContentShape.Kind.ARRAY;
import static io.careline.conversation.model.ContentShape.Kind.INTEGER;
import static io.careline.conversation.model.ContentShape.Kind.NUMBER;
import static io.careline.conversation.model.ContentShape.Kind.STRING;
import static io.careline.conversation.model.ContentShape.optional;
import static io.careline.conversation.model.ContentShape.required;

import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.CodedEnum;
import io.careline.common.wire.CodedEnumConverter;
import io.careline.common.wire.WireEnum;
import io.careline.conversation.event.MessageStored;

/**
 * The message type catalogue of the family-doctor IM server (codes 0–35 and 2101–2105), each with the
 * content shape it must have and the roles that may author it. docs/message-types.md is generated from the same facts.
 */
public enum MessageType implements CodedEnum {
    SYSTEM(0, Authors.MANAGERS, ContentShape.of(required("text", STRING), optional("event", STRING),
            optional("userIds", ARRAY), optional("added", ARRAY), optional("removed", ARRAY))),
    TEXT(1, Authors.ANYONE, ContentShape.of(required("text", STRING))),
    IMAGE(2, Authors.ANYONE, ContentShape.of(required("url", STRING), optional("width", INTEGER),
            optional("height", INTEGER), optional("thumbnailUrl", STRING))),
    VOICE(3, Authors.ANYONE, ContentShape.of(required("url", STRING), required("durationSeconds", NUMBER))),
    ARTICLE(4, Authors.STAFF, ContentShape.of(required("title", STRING), required("url", STRING),
            optional("summary", STRING), optional("coverUrl", STRING), optional("articleId", STRING))),
    LINK(5, Authors.ANYONE, ContentShape.of(required("title", STRING), required("url", STRING),
            optional("description", STRING))),
    TOPIC_BEGIN(6, Authors.SERVER, ContentShape.of(required("topicId", STRING), optional("description", STRING))),
    TOPIC_END(7, Authors.SERVER, ContentShape.of(required("topicId", STRING))),
    FORWARD(8, Authors.ANYONE, ContentShape.of(required("sourceSessionId", STRING), required("sourceSeq", INTEGER))),
    FORWARD_IMAGE(9, Authors.ANYONE, ContentShape.of(required("sourceSessionId", STRING),
            required("sourceSeq", INTEGER))),
    TOPIC_END_NOTICE(10, Authors.STAFF, ContentShape.of(required("text", STRING))),
    RESERVED_11(11, Authors.SERVER, ContentShape.of()),
    VIDEO(12, Authors.ANYONE, ContentShape.of(required("url", STRING), optional("durationSeconds", NUMBER),
            optional("coverUrl", STRING))),
    RESERVED_13(13, Authors.SERVER, ContentShape.of()),
    TOPIC_ENTER(14, Authors.MANAGERS, ContentShape.of(required("topicId", STRING), optional("text", STRING))),
    PRESCRIPTION_REVIEW(15, Authors.PRESCRIBERS, ContentShape.of(required("prescriptionId", STRING),
            required("status", STRING), optional("text", STRING))),
    RENEWAL_VITALS(16, Authors.PATIENTS_AND_CLINICIANS, ContentShape.of(required("consultationId", STRING),
            optional("bloodPressure", STRING), optional("bloodGlucose", STRING), optional("text", STRING))),
    RENEWAL_QUESTIONNAIRE(17, Authors.ANYONE, ContentShape.of(required("consultationId", STRING),
            required("questionnaireId", STRING), optional("title", STRING), optional("url", STRING))),
    BUSINESS_CARD(18, Authors.STAFF, ContentShape.of(required("userId", STRING), required("displayName", STRING),
            optional("title", STRING), optional("avatarUrl", STRING))),
    FORWARD_BUNDLE(19, Authors.ANYONE, ContentShape.of(optional("title", STRING), required("messages", ARRAY))),
    REHAB_PLAN(20, Authors.CLINICIANS, ContentShape.of(required("planId", STRING), required("title", STRING),
            optional("url", STRING))),
    REFERRAL(21, Authors.PRESCRIBERS, ContentShape.of(required("referralId", STRING), required("hospital", STRING),
            optional("department", STRING), optional("text", STRING))),
    ACKNOWLEDGED(22, Authors.ANYONE, ContentShape.of(optional("text", STRING))),
    REVISIT_INSTRUCTIONS(23, Authors.CLINICIANS, ContentShape.of(required("text", STRING))),
    DIAGNOSIS(24, Authors.PRESCRIBERS, ContentShape.of(required("text", STRING), optional("diagnosisCode", STRING))),
    CONDITION_DESCRIPTION(25, Authors.PATIENTS_AND_CLINICIANS, ContentShape.of(required("text", STRING), optional("images", ARRAY))),
    EXPERT_ADVICE(26, Authors.PRESCRIBERS, ContentShape.of(required("text", STRING))),
    PRESCRIPTION(27, Authors.PRESCRIBERS, ContentShape.of(required("prescriptionId", STRING), required("drugs", ARRAY),
            optional("text", STRING))),
    SERVICE_RATING(28, Authors.PATIENTS, ContentShape.of(required("rating", INTEGER), optional("comment", STRING))),
    VIDEO_REQUEST(29, Authors.ANYONE, ContentShape.of(required("answerStatus", INTEGER))),
    HOSPITAL_FORWARD(30, Authors.CARE_TEAM, ContentShape.of(required("title", STRING), optional("url", STRING),
            optional("text", STRING))),
    CONSULTATION_ADVICE(31, Authors.PRESCRIBERS, ContentShape.of(required("text", STRING))),
    SCREENING_CARD(32, Authors.CLINICIANS, ContentShape.of(required("title", STRING), required("obj", STRING),
            required("result", STRING), required("relationCode", STRING))),
    PRESCRIPTION_REJECTED(33, Authors.PRESCRIBERS, ContentShape.of(required("prescriptionId", STRING),
            required("reason", STRING))),
    ADVICE(34, Authors.PRESCRIBERS, ContentShape.of(required("diagnosticAdvice", STRING),
            required("treatmentAdvice", STRING), required("outPatientId", STRING), optional("adjust", INTEGER))),
    PAYMENT(35, Authors.BILLING, ContentShape.of(required("info", STRING), required("outpatientId", STRING),
            required("prescriptionId", STRING))),
    HOME_VISIT_APPOINTMENT(2101, Authors.CARE_TEAM, ContentShape.of(required("orderId", STRING),
            required("title", STRING), optional("appointmentAt", STRING), optional("address", STRING))),
    HOME_VISIT_ORDER_UPDATE(2102, Authors.CARE_TEAM, ContentShape.of(required("orderId", STRING),
            required("title", STRING), optional("text", STRING))),
    HOME_VISIT_DOCTOR_CHANGE(2103, Authors.CARE_TEAM, ContentShape.of(required("orderId", STRING),
            required("doctorId", STRING), optional("doctorName", STRING))),
    HOME_VISIT_ITEMS_CHANGE(2104, Authors.CARE_TEAM, ContentShape.of(required("orderId", STRING),
            required("items", ARRAY))),
    CARD_REFRESH(2105, Authors.CARE_TEAM, ContentShape.of(optional("orderId", STRING), optional("refreshSeq", INTEGER)));

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }

    private final int code;
    private final Authors authors;
    private final ContentShape shape;

    MessageType(int code, Authors authors, ContentShape shape) {
        this.code = code;
        this.authors = authors;
        this.shape = shape;
    }

    @Override
    public int code() {
        return code;
    }

    /** Who a stored message of this type speaks for (observers of stored messages act on this, not on names). */
    public MessageStored.Author author() {
        return switch (this) {
            case SYSTEM -> MessageStored.Author.NOTICE;
            case TOPIC_BEGIN, TOPIC_END -> MessageStored.Author.TOPIC_MARKER;
            default -> MessageStored.Author.MEMBER;
        };
    }

    /** Whether the content names messages to forward, which the server copies in with their provenance. */
    public boolean forwards() {
        return this == FORWARD || this == FORWARD_IMAGE || this == FORWARD_BUNDLE;
    }

    /** When the sender may edit a message of this type (docs/message-types.md "Recall and revisions"). */
    public Editing editing() {
        return switch (this) {
            case TEXT -> Editing.WITHIN_RECALL_WINDOW;
            case VIDEO_REQUEST, PRESCRIPTION_REVIEW, HOME_VISIT_APPOINTMENT, HOME_VISIT_ORDER_UPDATE,
                    HOME_VISIT_DOCTOR_CHANGE, HOME_VISIT_ITEMS_CHANGE -> Editing.ANY_TIME;
            default -> Editing.NEVER;
        };
    }

    /** When a message may be edited: cards with a state change as it does; text only while it may be recalled. */
    public enum Editing {
        NEVER, WITHIN_RECALL_WINDOW, ANY_TIME
    }

    /** Who may send this type through the API; {@link Authors#SERVER} for types Careline writes itself. */
    public Authors authors() {
        return authors;
    }

    public ContentShape shape() {
        return shape;
    }

    /** Stores the seed code. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends CodedEnumConverter<MessageType> {
        public Converter() {
            super(MessageType.class);
        }
    }
}
