package io.careline.push.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A push's title and body as a Qute template over the allow-listed fields (docs/push.md), or as rendered. */
@RegisterForReflection
public record PushText(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 1000) String body) {
}
