package org.civiclink.recommendation.rules;

import java.util.Map;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.Program;

/**
 * The CEL environments of rule files: conditions over the client situation, evidence selectors over
 * one fact. Both must be boolean; the type checker rejects unknown variables at startup.
 */
final class CelRules {

    private static final CelCompiler CONDITIONS = compiler(CelSituation.VARIABLES);
    private static final CelCompiler SELECTORS = compiler(Map.of(CelSituation.FACT, CelSituation.RECORD));
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private CelRules() {
    }

    private static CelCompiler compiler(Map<String, CelType> variables) {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setResultType(SimpleType.BOOL);
        variables.forEach(builder::addVar);
        return builder.build();
    }

    static Program condition(String expression) throws CelValidationException, CelEvaluationException {
        return program(CONDITIONS, expression);
    }

    static Program selector(String expression) throws CelValidationException, CelEvaluationException {
        return program(SELECTORS, expression);
    }

    private static Program program(CelCompiler compiler, String expression) throws CelValidationException, CelEvaluationException {
        CelAbstractSyntaxTree ast = compiler.compile(expression).getAst();
        return RUNTIME.createProgram(ast);
    }
}
