package io.careline.support.event;

import io.careline.support.api.RoomEvent;
import java.util.List;

/**
 * A desk's queue changed: a room started waiting, was claimed, released, transferred or finished. Fired once the
 * change has committed, to tell the desk's agents ({@code agents}) how many rooms wait now.
 */
public record QueueChanged(String tenant, String deskId, String sessionId, RoomEvent event, long waiting,
        List<String> agents) {
}
