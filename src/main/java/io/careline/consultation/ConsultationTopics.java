package io.careline.consultation;

import io.careline.common.Times;
import io.careline.consultation.model.ConsultationRepository;
import io.careline.consultation.model.ConsultationStatus;
import io.careline.conversation.event.TopicChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Keeps a consultation's status in step with its topic, in the transaction that changed the topic: the first
 * clinician reply makes it {@code replying}, the topic's end {@code ended}. Other topics change nothing.
 */
@ApplicationScoped
public class ConsultationTopics {
    @Inject
    ConsultationRepository consultations;

    void onTopic(@Observes TopicChanged changed) {
        switch (changed.change()) {
            case REPLIED -> consultations.follow(changed.tenant(), changed.topicId(), ConsultationStatus.REPLYING,
                    Times.now());
            case ENDED -> consultations.follow(changed.tenant(), changed.topicId(), ConsultationStatus.ENDED,
                    Times.now());
            case OPENED -> {
                // initiate writes the consultation itself, knowing its kind and source.
            }
        }
    }
}
