package io.intelligencecrm.agent.runtime;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.service.tool.ToolProvider;
import dev.langchain4j.service.tool.ToolProviderRequest;
import dev.langchain4j.service.tool.ToolProviderResult;
import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.tenant.UnitOfWork;
import io.intelligencecrm.core.user.Role;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Offers the model exactly the tools the turn's user may use: a viewer is never even shown a write
 * tool. The tool objects are stateless (the acting user comes from the invocation parameters), so
 * each role's specifications and guarded executors are built once.
 */
public final class RoleToolProvider implements ToolProvider {
    private final Map<Role, Map<ToolSpecification, ToolExecutor>> byRole = new EnumMap<>(Role.class);

    public RoleToolProvider(Function<Role, List<Object>> toolsForRole, AuditTrail audit, UnitOfWork unitOfWork,
                            int maxResultChars) {
        for (Role role : Role.values()) {
            byRole.put(role, Collections.unmodifiableMap(build(toolsForRole.apply(role), audit, unitOfWork,
                    maxResultChars)));
        }
    }

    @Override
    public ToolProviderResult provideTools(ToolProviderRequest request) {
        Role role = AgentTurn.of(request.invocationParameters()).call().actor().role();
        return ToolProviderResult.builder().addAll(byRole.get(role)).build();
    }

    /** The role's tools with their guarded executors, for calls made outside a chat turn. */
    Map<ToolSpecification, ToolExecutor> tools(Role role) {
        return byRole.get(role);
    }

    /** The tool names a role is offered, for checks and documentation. */
    public List<String> toolNames(Role role) {
        return byRole.get(role).keySet().stream().map(ToolSpecification::name).sorted().toList();
    }

    private static Map<ToolSpecification, ToolExecutor> build(List<Object> toolObjects, AuditTrail audit,
                                                              UnitOfWork unitOfWork, int maxResultChars) {
        Map<ToolSpecification, ToolExecutor> tools = new LinkedHashMap<>();
        for (Object object : toolObjects) {
            for (Method method : object.getClass().getDeclaredMethods()) {
                if (!method.isAnnotationPresent(Tool.class)) continue;
                ToolSpecification specification = ToolSpecifications.toolSpecificationFrom(method);
                ToolExecutor executor = DefaultToolExecutor.builder().object(object).originalMethod(method)
                        .methodToInvoke(method).wrapToolArgumentsExceptions(true)
                        .propagateToolExecutionExceptions(true).build();
                tools.put(specification, new GuardedToolExecutor(specification.name(), executor, audit, unitOfWork,
                        maxResultChars));
            }
        }
        return tools;
    }
}
