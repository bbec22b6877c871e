package io.careline.conversation;

import io.careline.common.Times;
import io.careline.common.security.Caller;
import io.careline.conversation.api.LegalHoldView;
import io.careline.conversation.model.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/** Legal hold: a session on hold keeps every message whatever the retention policy says, until it is lifted. */
@ApplicationScoped
public class LegalHoldService {
    private static final Logger LOG = Logger.getLogger(LegalHoldService.class);

    @Inject
    SessionAccess access;

    @Transactional
    public LegalHoldView state(Caller admin, String sessionId) {
        return view(access.read(admin, sessionId).session());
    }

    /** Puts the session on hold; placing a hold again keeps the first one's time and author. */
    @Transactional
    public LegalHoldView place(Caller admin, String sessionId) {
        Session session = access.write(admin, sessionId).session();
        if (session.legalHoldAt == null) {
            session.legalHoldAt = Times.now();
            session.legalHoldBy = admin.userId();
            LOG.infof("legal hold placed on session %s of tenant %s by %s", sessionId, admin.tenant(), admin.userId());
        }
        return view(session);
    }

    @Transactional
    public LegalHoldView lift(Caller admin, String sessionId) {
        Session session = access.write(admin, sessionId).session();
        if (session.legalHoldAt != null) {
            session.legalHoldAt = null;
            session.legalHoldBy = null;
            LOG.infof("legal hold lifted from session %s of tenant %s by %s", sessionId, admin.tenant(), admin.userId());
        }
        return view(session);
    }

    private static LegalHoldView view(Session session) {
        return new LegalHoldView(session.publicId, session.legalHoldAt != null, session.legalHoldAt,
                session.legalHoldBy);
    }
}
