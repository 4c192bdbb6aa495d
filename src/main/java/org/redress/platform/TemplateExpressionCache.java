package org.redress.platform;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.thymeleaf.cache.StandardCacheManager;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Room for every expression of the console's templates in the template engine's expression
 * cache. Its default holds 500, fewer than a few of our pages use together (about 1,600
 * expressions in all): under load the engine kept evicting parsed expressions, parsing them
 * again and compiling them to bytecode again (a class generated per evaluation), seen in a
 * profile of the queue benchmark as a steady stream of SpEL compilations.
 */
@Component
class TemplateExpressionCache implements BeanPostProcessor {

    static final int EXPRESSIONS = 10_000;

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof SpringTemplateEngine engine) {
            StandardCacheManager caches = new StandardCacheManager();
            caches.setExpressionCacheMaxSize(EXPRESSIONS);
            engine.setCacheManager(caches);
        }
        return bean;
    }
}
