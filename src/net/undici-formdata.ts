/**
 * undici's FormData, from its own file (see undici-parts.ts). Apart from the other parts
 * because it loads most of fetch: only the Dependency-Track upload needs it.
 */
import type { FormData as FormDataType } from 'undici'
import formData from 'undici/lib/web/fetch/formdata.js'

export const FormData = formData.FormData
export type FormData = FormDataType
