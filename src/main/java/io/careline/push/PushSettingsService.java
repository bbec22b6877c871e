package io.careline.push;

import io.careline.common.security.Caller;
import io.careline.push.api.PushSettingsView;
import io.careline.push.model.PushSettingsStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** A tenant's push wording settings: its hospital's name, and whether senders may be named. */
@ApplicationScoped
public class PushSettingsService {
    static final PushSettingsView DEFAULTS = new PushSettingsView(null, false);

    @Inject
    PushSettingsStore store;

    @Transactional
    public PushSettingsView get(Caller caller) {
        return of(caller.tenant());
    }

    @Transactional
    public PushSettingsView put(Caller caller, PushSettingsView settings) {
        store.put(caller.tenant(), settings);
        return settings;
    }

    /** The tenant's settings without a caller (push workers), defaults when never set. */
    public PushSettingsView of(String tenant) {
        return store.find(tenant).orElse(DEFAULTS);
    }
}
