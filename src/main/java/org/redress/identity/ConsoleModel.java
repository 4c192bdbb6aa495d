package org.redress.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every console page knows who is signed in ({@code me}), for the top bar and for what it
 * offers. Added once a handler has chosen a page to render, not by a model advice: an advice
 * would run (with its reflection) for every API call too, which renders nothing.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleModel implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           @Nullable ModelAndView page) {
        if (rendersPage(page)) {
            page.getModelMap().putIfAbsent("me", signedIn());
        }
    }

    /** Whether the handler chose a page to render (not data, not a redirect, whose model would become its query). */
    public static boolean rendersPage(@Nullable ModelAndView page) {
        return page != null && !(page.getView() instanceof RedirectView)
            && !(page.getViewName() != null && (page.getViewName().startsWith("redirect:") || page.getViewName().startsWith("forward:")));
    }

    private static @Nullable RedressUser signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof RedressUser user ? user : null;
    }
}
