package dev.dynarecord.spring.boot.example;

import dev.dynarecord.Page;
import dev.dynarecord.exception.StaleRecordException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Authors and their notes. Bodies are mass-assigned ({@code assign}); lists are pages with a
 * cursor; an update names the version it changes in {@code If-Match} and is refused (409) when
 * the author changed since.
 */
@RestController
@RequestMapping("/authors")
class AuthorController {

    record AuthorView(String id, String name, String email, long version) {
        static AuthorView of(Author a) {
            return new AuthorView((String) a.id(), a.name, a.email, a.lockVersion());
        }
    }

    record NoteView(long at, String text) {
    }

    record PageView<V>(List<V> items, String next) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AuthorView create(@RequestBody Map<String, Object> body) {
        return AuthorView.of(new Author().assign(body).saveOrThrow());
    }

    @GetMapping
    PageView<AuthorView> list(@RequestParam(defaultValue = "20") int size, @RequestParam(required = false) String cursor) {
        Page<Author> page = Author.find.page(size, cursor);
        return new PageView<>(page.items().stream().map(AuthorView::of).toList(), page.nextCursor().orElse(null));
    }

    @GetMapping("/{id}")
    AuthorView show(@PathVariable String id) {
        return AuthorView.of(Author.find.byId(id));
    }

    @PatchMapping("/{id}")
    AuthorView update(@PathVariable String id, @RequestHeader("If-Match") long version, @RequestBody Map<String, Object> body) {
        Author author = Author.find.byId(id);
        if (author.lockVersion() != version) {
            throw new StaleRecordException("author " + id + " is at version " + author.lockVersion() + ", not " + version
                    + "; read it again and repeat the change");
        }
        return AuthorView.of(author.assign(body).saveOrThrow());
    }

    @PostMapping("/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    NoteView write(@PathVariable String id, @RequestBody Map<String, Object> body) {
        Author.find.byId(id);
        Note note = new Note().assign(body);
        note.authorId = id;
        note.at = System.nanoTime();
        note.saveOrThrow();
        return new NoteView(note.at, note.text);
    }

    @GetMapping("/{id}/notes")
    PageView<NoteView> notes(@PathVariable String id, @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) String cursor) {
        Page<Note> page = Note.find.where("authorId", id).page(size, cursor);
        return new PageView<>(page.items().stream().map(n -> new NoteView(n.at, n.text)).toList(), page.nextCursor().orElse(null));
    }
}
