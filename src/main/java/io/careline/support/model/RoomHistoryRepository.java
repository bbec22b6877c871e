package io.careline.support.model;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What happened to rooms. */
@ApplicationScoped
public class RoomHistoryRepository implements PanacheRepositoryBase<RoomHistory, Long> {
    public List<RoomHistory> of(long roomPk) {
        return list("roomPk = ?1 order by pk", roomPk);
    }
}
