package dev.ydmyk.tone;

import dev.ydmyk.agents.AgentOnly;
import dev.ydmyk.config.ReplyLanguage;
import dev.ydmyk.problem.Problem;
import dev.ydmyk.problem.Storable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Set;

/** Lets an agent check a reply while writing it, before approving. */
@Path("/api/tone-check")
@AgentOnly
public class ToneCheckResource {

    /** A complaint's limit (intake's NewComplaint.MAX_TEXT; tone sits below intake and cannot name it). */
    static final int MAX_TEXT = 10_000;

    /** At most the length of a complaint, both texts: the check is linear, but a 1 MiB text still costs. */
    public record Request(@Storable @Size(max = MAX_TEXT) String text, @Storable String language,
                          @Storable @Size(max = MAX_TEXT) String complaintText) {
    }

    private static final Set<String> LANGUAGES = Set.copyOf(ReplyLanguage.codes());
    private final ToneCheck toneCheck;

    public ToneCheckResource(ToneCheck toneCheck) {
        this.toneCheck = toneCheck;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a reply's moves and findings without saving anything")
    public ToneReport check(@Valid Request body) {
        if (body == null || body.text() == null || body.text().isBlank()) {
            throw Problem.invalid("text", "text is required");
        }
        if (body.language() == null || !LANGUAGES.contains(body.language())) {
            throw Problem.invalid("language", "language must be one of " + LANGUAGES.stream().sorted().toList());
        }
        return toneCheck.check(body.text(), body.language(), body.complaintText());
    }
}
