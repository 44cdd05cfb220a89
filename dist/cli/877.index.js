export const id = 877;
export const ids = [877];
export const modules = {

/***/ 877:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planSchemas: () => (/* binding */ planSchemas)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5156);

/**
 * The plan's zod schemas (the types in schema.ts are theirs). load.ts loads this module, and zod,
 * only when a plain check does not pass: the schemas then decide and name the problem (a plan
 * that passes the plain checks never needs them; loading zod and building them costs start-up time).
 */
function buildPlanSchemas() {
    const Step = zod__WEBPACK_IMPORTED_MODULE_0__.union([zod__WEBPACK_IMPORTED_MODULE_0__.string(), zod__WEBPACK_IMPORTED_MODULE_0__.number()]);
    const ImportingSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
        id: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
        unknown: zod__WEBPACK_IMPORTED_MODULE_0__.boolean().optional(),
    });
    const ChangeSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
        actions: zod__WEBPACK_IMPORTED_MODULE_0__.array(zod__WEBPACK_IMPORTED_MODULE_0__.string()).min(1, 'needs at least one action'),
        before: zod__WEBPACK_IMPORTED_MODULE_0__.unknown().optional(),
        after: zod__WEBPACK_IMPORTED_MODULE_0__.unknown().optional(),
        after_unknown: zod__WEBPACK_IMPORTED_MODULE_0__.unknown().optional(),
        before_sensitive: zod__WEBPACK_IMPORTED_MODULE_0__.unknown().optional(),
        after_sensitive: zod__WEBPACK_IMPORTED_MODULE_0__.unknown().optional(),
        replace_paths: zod__WEBPACK_IMPORTED_MODULE_0__.array(zod__WEBPACK_IMPORTED_MODULE_0__.array(Step)).nullish(),
        importing: ImportingSchema.nullish(),
    });
    const ResourceChangeSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
        address: zod__WEBPACK_IMPORTED_MODULE_0__.string(),
        previous_address: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
        module_address: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
        mode: zod__WEBPACK_IMPORTED_MODULE_0__.string().default('managed'),
        type: zod__WEBPACK_IMPORTED_MODULE_0__.string(),
        name: zod__WEBPACK_IMPORTED_MODULE_0__.string(),
        index: zod__WEBPACK_IMPORTED_MODULE_0__.union([zod__WEBPACK_IMPORTED_MODULE_0__.number(), zod__WEBPACK_IMPORTED_MODULE_0__.string()]).nullish(),
        provider_name: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
        deposed: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
        action_reason: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
        change: ChangeSchema,
    });
    /**
     * The fields every resource change must have. Changes of types this tool does not model are
     * checked against this lighter schema only: they are never read past their address and type.
     */
    const ResourceChangeHeaderSchema = zod__WEBPACK_IMPORTED_MODULE_0__.object({
        address: zod__WEBPACK_IMPORTED_MODULE_0__.string(),
        type: zod__WEBPACK_IMPORTED_MODULE_0__.string(),
        name: zod__WEBPACK_IMPORTED_MODULE_0__.string(),
        change: zod__WEBPACK_IMPORTED_MODULE_0__.object({ actions: zod__WEBPACK_IMPORTED_MODULE_0__.array(zod__WEBPACK_IMPORTED_MODULE_0__.string()).min(1, 'needs at least one action') }),
    });
    const ConfigResourceSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
        address: zod__WEBPACK_IMPORTED_MODULE_0__.string(),
        mode: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
        type: zod__WEBPACK_IMPORTED_MODULE_0__.string(),
        name: zod__WEBPACK_IMPORTED_MODULE_0__.string(),
        provider_config_key: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
        expressions: zod__WEBPACK_IMPORTED_MODULE_0__.record(zod__WEBPACK_IMPORTED_MODULE_0__.string(), zod__WEBPACK_IMPORTED_MODULE_0__.unknown()).optional(),
        count_expression: zod__WEBPACK_IMPORTED_MODULE_0__.unknown().optional(),
        for_each_expression: zod__WEBPACK_IMPORTED_MODULE_0__.unknown().optional(),
    });
    const ConfigModuleSchema = zod__WEBPACK_IMPORTED_MODULE_0__.lazy(() => zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
        resources: zod__WEBPACK_IMPORTED_MODULE_0__.array(ConfigResourceSchema).optional(),
        module_calls: zod__WEBPACK_IMPORTED_MODULE_0__.record(zod__WEBPACK_IMPORTED_MODULE_0__.string(), ModuleCallSchema).optional(),
        outputs: zod__WEBPACK_IMPORTED_MODULE_0__.record(zod__WEBPACK_IMPORTED_MODULE_0__.string(), zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ expression: zod__WEBPACK_IMPORTED_MODULE_0__.unknown().optional(), sensitive: zod__WEBPACK_IMPORTED_MODULE_0__.boolean().optional() })).optional(),
        variables: zod__WEBPACK_IMPORTED_MODULE_0__.record(zod__WEBPACK_IMPORTED_MODULE_0__.string(), zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ default: zod__WEBPACK_IMPORTED_MODULE_0__.unknown().optional(), sensitive: zod__WEBPACK_IMPORTED_MODULE_0__.boolean().optional() })).optional(),
    }));
    const ModuleCallSchema = zod__WEBPACK_IMPORTED_MODULE_0__.lazy(() => zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
        source: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
        expressions: zod__WEBPACK_IMPORTED_MODULE_0__.record(zod__WEBPACK_IMPORTED_MODULE_0__.string(), zod__WEBPACK_IMPORTED_MODULE_0__.unknown()).optional(),
        count_expression: zod__WEBPACK_IMPORTED_MODULE_0__.unknown().optional(),
        for_each_expression: zod__WEBPACK_IMPORTED_MODULE_0__.unknown().optional(),
        module: ConfigModuleSchema.optional(),
    }));
    const ProviderConfigSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
        name: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
        full_name: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
        alias: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
        module_address: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
        expressions: zod__WEBPACK_IMPORTED_MODULE_0__.record(zod__WEBPACK_IMPORTED_MODULE_0__.string(), zod__WEBPACK_IMPORTED_MODULE_0__.unknown()).optional(),
    });
    const ConfigurationSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
        provider_config: zod__WEBPACK_IMPORTED_MODULE_0__.record(zod__WEBPACK_IMPORTED_MODULE_0__.string(), ProviderConfigSchema).optional(),
        root_module: ConfigModuleSchema.optional(),
    });
    const VariablesSchema = zod__WEBPACK_IMPORTED_MODULE_0__.record(zod__WEBPACK_IMPORTED_MODULE_0__.string(), zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({ value: zod__WEBPACK_IMPORTED_MODULE_0__.unknown().optional() }));
    /** The top level of a plan, without `resource_changes` (validated one by one, see load.ts). */
    const PlanHeaderSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
        format_version: zod__WEBPACK_IMPORTED_MODULE_0__.string(),
        terraform_version: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
        variables: VariablesSchema.optional(),
        planned_values: zod__WEBPACK_IMPORTED_MODULE_0__.unknown().optional(),
        prior_state: zod__WEBPACK_IMPORTED_MODULE_0__.unknown().optional(),
        configuration: ConfigurationSchema.optional(),
        resource_drift: zod__WEBPACK_IMPORTED_MODULE_0__.array(zod__WEBPACK_IMPORTED_MODULE_0__.unknown()).optional(),
        errored: zod__WEBPACK_IMPORTED_MODULE_0__.boolean().optional(),
        applyable: zod__WEBPACK_IMPORTED_MODULE_0__.boolean().optional(),
        complete: zod__WEBPACK_IMPORTED_MODULE_0__.boolean().optional(),
        timestamp: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
        /** Checked one by one with the resource changes (see load.ts). */
        deferred_changes: zod__WEBPACK_IMPORTED_MODULE_0__.unknown().optional(),
    });
    const DeferredChangeSchema = zod__WEBPACK_IMPORTED_MODULE_0__.looseObject({
        reason: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
        resource_change: zod__WEBPACK_IMPORTED_MODULE_0__.unknown(),
    });
    return {
        ImportingSchema,
        ChangeSchema,
        ResourceChangeSchema,
        ResourceChangeHeaderSchema,
        ConfigResourceSchema,
        ConfigModuleSchema,
        ModuleCallSchema,
        ProviderConfigSchema,
        ConfigurationSchema,
        VariablesSchema,
        PlanHeaderSchema,
        DeferredChangeSchema,
    };
}
let built;
/** The schemas, built once. */
function planSchemas() {
    return (built ??= buildPlanSchemas());
}


/***/ })

};
