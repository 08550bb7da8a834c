// The projective maths lives with the engine (src may not import from synthetic/); the generator uses the same code.
export {
  applyHomography,
  type Homography,
  homographyFromQuads,
  invertHomography,
} from "../src/engine/image/homography";
