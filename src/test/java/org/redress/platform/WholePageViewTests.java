package org.redress.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

class WholePageViewTests {

    // About 140,000 characters, more than the buffer starts with (it grows once), and a character outside Latin-1.
    private static final String LONG_PAGE = """
        <ol><li th:each="n : ${#numbers.sequence(1, 10000)}" th:text="|${n} — ok|">n</li></ol>""";

    @Test
    void aPageLongerThanTheBufferIsWrittenWholeAndInOrder() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        render(LONG_PAGE + "<p th:text=\"${last}\">last</p>", Map.of("last", "the end"), response);

        String page = response.getContentAsString();
        assertThat(page).startsWith("<ol><li>1 — ok</li><li>2 — ok</li>").endsWith("</ol><p>the end</p>")
            .contains("<li>9999 — ok</li><li>10000 — ok</li>");
        assertThat(page.length()).isGreaterThan(WholePageView.PAGE_CHARACTERS);
    }

    @Test
    void aPageThatFailsHalfWaySendsNothingOfIt() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        Throwable failure = catchThrowable(() -> render(LONG_PAGE + "<p th:text=\"${last.missing()}\">last</p>",
            Map.of("last", "the end"), response));

        assertThat(failure).hasMessageContaining("missing");
        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(response.isCommitted()).isFalse();
    }

    @Test
    void aShortPageAfterLongerOnesCarriesNothingOfThem() throws Exception {
        render(LONG_PAGE, Map.of(), new MockHttpServletResponse());
        catchThrowable(() -> render(LONG_PAGE + "<p th:text=\"${last.missing()}\">last</p>", Map.of("last", "x"),
            new MockHttpServletResponse()));
        MockHttpServletResponse response = new MockHttpServletResponse();

        render("<p th:text=\"${word}\">word</p>", Map.of("word", "short"), response);

        assertThat(response.getContentAsString()).isEqualTo("<p>short</p>");
    }

    @Test
    void buffersAreKeptUpToTheirNumberAndSize() {
        WholePageView.PageBuffers buffers = new WholePageView.PageBuffers(1, 10);
        char[] small = new char[10];
        char[] another = new char[10];
        char[] large = new char[11];

        buffers.giveBack(large);
        assertThat(buffers.take()).isNotSameAs(large).hasSize(WholePageView.PAGE_CHARACTERS);
        buffers.giveBack(small);
        buffers.giveBack(another);
        assertThat(buffers.take()).isSameAs(small);
        assertThat(buffers.take()).isNotSameAs(another);
    }

    private static void render(String template, Map<String, ?> model, MockHttpServletResponse response) throws Exception {
        MockServletContext servletContext = new MockServletContext();
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.setServletContext(servletContext);
        context.refresh();
        servletContext.setAttribute(WebApplicationContext.ROOT_WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
        StringTemplateResolver templates = new StringTemplateResolver();
        templates.setTemplateMode(TemplateMode.HTML);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        ThymeleafViewResolver views = new ThymeleafViewResolver();
        views.setApplicationContext(context);
        views.setTemplateEngine(engine);
        views.setCharacterEncoding("UTF-8");
        new WholePageViews().postProcessBeforeInitialization(views, "views");
        View view = views.resolveViewName(template, Locale.ROOT);
        assertThat(view).isInstanceOf(WholePageView.class);
        view.render(model, new MockHttpServletRequest(servletContext), response);
    }
}
