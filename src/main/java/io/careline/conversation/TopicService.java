package io.careline.conversation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careline.common.Outcome;
import io.careline.common.Times;
import io.careline.common.paging.KeysetPage;
import io.careline.common.paging.PageCursor;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.common.wire.WireEnum;
import io.careline.conversation.api.OpenTopicRequest;
import io.careline.conversation.api.TopicCounts;
import io.careline.conversation.api.TopicPage;
import io.careline.conversation.api.TopicState;
import io.careline.conversation.api.TopicView;
import io.careline.conversation.append.MessageStore;
import io.careline.conversation.event.TopicChanged;
import io.careline.conversation.model.Ids;
import io.careline.conversation.model.Message;
import io.careline.conversation.model.MessageType;
import io.careline.conversation.model.Session;
import io.careline.conversation.model.SessionRepository;
import io.careline.conversation.model.Topic;
import io.careline.conversation.model.TopicRepository;
import io.careline.conversation.model.TopicRow;
import io.careline.conversation.model.TopicStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Consultations: opened (at most one per session), replied to by clinicians, ended, listed by state. */
@ApplicationScoped
public class TopicService {
    @Inject
    SessionAccess access;

    @Inject
    TopicRepository topics;

    @Inject
    SessionRepository sessions;

    @Inject
    MessageStore store;

    @Inject
    MessageContentValidator contents;

    @Inject
    ObjectMapper mapper;

    @Inject
    Event<TopicChanged> changes;

    @Transactional
    public Outcome<TopicView> open(Caller caller, String sessionId, OpenTopicRequest request) {
        Access admitted = access.writeOpen(caller, sessionId);
        Session session = admitted.session();
        if (session.openTopicId != null) {
            if (session.openTopicId.equals(request.id())) {
                return Outcome.existing(TopicView.of(topics.findByPublicId(request.id()).orElseThrow(), sessionId));
            }
            throw new DomainException(ErrorCode.TOPIC_ALREADY_OPEN,
                    "Topic " + session.openTopicId + " is still open in this session; end it first.");
        }
        if (request.id() != null && topics.findByPublicId(request.id()).isPresent()) {
            throw new DomainException(ErrorCode.TOPIC_ENDED, "Topic " + request.id() + " exists and has ended.");
        }
        String topicId = request.id() != null ? request.id() : Ids.generate();
        ObjectNode content = mapper.createObjectNode().put("topicId", topicId);
        if (request.description() != null) {
            content.put("description", request.description());
        }
        Message begin = store.appendAfterFlush(admitted.session(), admitted.caller(), MessageType.TOPIC_BEGIN,
                contents.validate(MessageType.TOPIC_BEGIN, content), topicId);
        Topic topic = new Topic();
        topic.publicId = topicId;
        topic.sessionPk = session.pk;
        topic.status = TopicStatus.OPEN;
        topic.startSeq = begin.seq;
        topic.openedBy = caller.userId();
        topic.description = request.description();
        topic.openedAt = begin.createdAt;
        topics.persist(topic);
        session.openTopicId = topicId;
        changes.fire(new TopicChanged(caller.tenant(), session.pk, sessionId, topicId, TopicChanged.Change.OPENED,
                caller.connectionId()));
        return Outcome.created(TopicView.of(topic, sessionId));
    }

    /** Ends a topic of the session; ending one that already ended returns it unchanged. */
    @Transactional
    public TopicView end(Caller caller, String sessionId, String topicId) {
        Access admitted = access.write(caller, sessionId);
        Topic topic = topics.findByPublicId(topicId).filter(t -> t.sessionPk.equals(admitted.session().pk))
                .orElseThrow(TopicService::notFound);
        if (topic.status == TopicStatus.OPEN) {
            end(admitted, topic);
        }
        return TopicView.of(topic, sessionId);
    }

    /** Ends the session's open topic as part of another change (closing the session). */
    void endOpenTopic(Access lockedAccess) {
        topics.findByPublicId(lockedAccess.session().openTopicId).ifPresent(topic -> end(lockedAccess, topic));
    }

    @Transactional
    public TopicView get(Caller caller, String topicId) {
        Topic topic = topics.findByPublicId(topicId).orElseThrow(TopicService::notFound);
        Session session = sessions.findById(topic.sessionPk);
        try {
            access.read(caller, session.publicId);
        } catch (DomainException e) {
            throw notFound();
        }
        return TopicView.of(topic, session.publicId);
    }

    @Transactional
    public TopicPage list(Caller caller, String state, int limit, String cursor) {
        TopicState topicState = WireEnum.require(TopicState.class, state, "state");
        PageCursor after = cursor == null ? null : PageCursor.decode(cursor, 2);
        KeysetPage<TopicRow> page = KeysetPage.of(topics.pageOf(caller.userId(), topicState,
                after == null ? null : Times.fromMicros(after.get(0)), after == null ? null : after.get(1),
                limit + 1), limit);
        return new TopicPage(page.map(row -> TopicView.of(row.topic(), row.sessionId())),
                page.nextCursor(last -> PageCursor.of(Times.toMicros(last.topic().openedAt), last.topic().pk)));
    }

    @Transactional
    public TopicCounts counts(Caller caller) {
        long[] counts = new long[TopicState.values().length];
        topics.countsOf(caller.userId()).forEach(row -> counts[TopicState.of(row.status() == TopicStatus.OPEN,
                row.replied()).ordinal()] += row.count());
        return new TopicCounts(counts[TopicState.UNREPLIED.ordinal()], counts[TopicState.IN_PROGRESS.ordinal()],
                counts[TopicState.ENDED.ordinal()]);
    }

    private void end(Access lockedAccess, Topic topic) {
        Session session = lockedAccess.session();
        ObjectNode content = mapper.createObjectNode().put("topicId", topic.publicId);
        Message end = store.appendAfterFlush(lockedAccess.session(), lockedAccess.caller(), MessageType.TOPIC_END,
                contents.validate(MessageType.TOPIC_END, content), topic.publicId);
        topic.status = TopicStatus.ENDED;
        topic.endSeq = end.seq;
        topic.endedBy = lockedAccess.caller().userId();
        topic.endedAt = end.createdAt;
        session.openTopicId = null;
        changes.fire(new TopicChanged(lockedAccess.caller().tenant(), session.pk, session.publicId, topic.publicId,
                TopicChanged.Change.ENDED, lockedAccess.caller().connectionId()));
    }

    private static DomainException notFound() {
        return new DomainException(ErrorCode.TOPIC_NOT_FOUND, "No such topic.");
    }
}
