import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { NoQueryParams } from "../../utils/validators"
import { listProgramsQueryConfig } from "./query-config"
import { AdminCreateAffiliateProgram, AdminGetAffiliateProgramsParams, AdminUpdateAffiliateProgram } from "./validators"

export const adminAffiliateProgramRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-programs",
    middlewares: [validateAndTransformQuery(AdminGetAffiliateProgramsParams, listProgramsQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-programs",
    middlewares: [validateAndTransformBody(AdminCreateAffiliateProgram)],
  },
  {
    method: ["GET", "DELETE"],
    matcher: "/admin/affiliate-programs/:id",
    middlewares: [validateAndTransformQuery(NoQueryParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-programs/:id",
    middlewares: [validateAndTransformBody(AdminUpdateAffiliateProgram)],
  },
]
